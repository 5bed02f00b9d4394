package org.iopoutcomes.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SilverFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpisodeFactsTest {

  private static final SilverFixture WORLD = new SilverFixture()
      .episode("same-day", "inpatient", "medicaid", "2025-01-10", "2025-01-10", "completed")
      .episode("dropout", "intensive_outpatient", "medicaid", "2025-01-01", "2025-02-15", "dropped_out")
      .episode("terminated", "intensive_outpatient", "medicaid", "2025-01-01", "2025-01-31", "terminated_by_facility")
      .episode("later-discharge", "outpatient", "self_pay", "2025-01-01", "2025-03-01", "completed")
      .episode("in-care", "outpatient", "self_pay", "2025-01-20", null, null)
      .episode("future", "outpatient", "self_pay", "2025-02-02", null, null);

  @ParameterizedTest(name = "{0} at {1}: discharged={2} los={3} completed={4} dropped_out={5}")
  @CsvSource({
    "same-day,        2025-02-01, true,  0,  true,  false",
    "dropout,         2025-02-01, false, 31, false, false",  // discharged after the cut-off: still in care
    "dropout,         2025-02-15, true,  45, false, true",   // discharged on the cut-off day
    "terminated,      2025-02-01, true,  30, false, true",   // terminated by the facility counts as dropout
    "later-discharge, 2025-02-01, false, 31, false, false",
    "later-discharge, 2025-06-30, true,  59, true,  false",
    "in-care,         2025-02-01, false, 12, false, false",
  })
  void outcomeAtTheCutOff(String episode, String asOf, boolean discharged, int los, boolean completed,
      boolean droppedOut) {
    Row row = episodes(asOf).get(episode);
    assertEquals(discharged, row.getAs("discharged"), "discharged");
    assertEquals(Integer.valueOf(los), row.<Integer>getAs("los_days"), "los_days");
    assertEquals(completed, row.getAs("completed"), "completed");
    assertEquals(droppedOut, row.getAs("dropped_out"), "dropped_out");
  }

  @ParameterizedTest(name = "admitted after {0}: left out")
  @CsvSource({"2025-02-01"})
  void episodesAdmittedAfterTheCutOffAreLeftOut(String asOf) {
    assertEquals(5, episodes(asOf).size());
  }

  private static Map<String, Row> episodes(String asOf) {
    return WORLD.facts(asOf).episodes().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("episode_id"), r -> r));
  }
}
