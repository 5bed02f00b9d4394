package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.stats.WilsonInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompletionTest {

  private static GoldRows completion;

  @BeforeAll
  static void compute() {
    Facts facts = Scenario.world().facts(Scenario.AS_OF);
    completion = new GoldRows("completion", new Completion().compute(facts));
  }

  @Test
  void everyEpisodeCellCountsDischargesByReason() {
    // Discharged by as_of: e1 (completed, same day), e2 (dropped out), e6 (transferred).
    // e4's discharge comes after as_of: still in care. e5 is admitted after as_of.
    completion.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("episodes_discharged", 3).count("episodes_completed", 1)
        .count("episodes_dropped_out", 1).count("episodes_transferred", 1)
        .rate("completion_rate", 1.0 / 3).rate("dropout_rate", 1.0 / 3)
        .rate("completion_rate_ci_low", WilsonInterval.of(1, 3)[0])
        .rate("completion_rate_ci_high", WilsonInterval.of(1, 3)[1]);
  }

  @Test
  void levelAndPayerCells() {
    completion.cell("level_of_care", IOP, "program_component", "all", "payment_source", "medicaid")
        .count("episodes_discharged", 2).count("episodes_completed", 1).rate("completion_rate", 0.5);
    completion.cell("level_of_care", "outpatient", "program_component", "all", "payment_source", "all")
        .count("episodes_discharged", 1).count("episodes_completed", 0).rate("completion_rate", 0.0)
        .count("episodes_transferred", 1);
  }

  @Test
  void componentCellsHoldOnlyExposedEpisodes() {
    // e1 and e2 attended group session s1; e3 and e4 attended s3 but are not discharged.
    completion.cell("level_of_care", "all", "program_component", "group_therapy", "payment_source", "all")
        .count("episodes_discharged", 2).count("episodes_completed", 1);
    // e2 only missed the holistic session and e6 never attended anything: not exposed.
    assertFalse(completion.has("program_component", "holistic"), "no one attended a holistic session");
    assertFalse(completion.has("level_of_care", "outpatient", "program_component", "group_therapy"),
        "a late cancel is not exposure");
  }

  @Test
  void cellsWithoutDischargedEpisodesHaveNoRow() {
    assertFalse(completion.has("payment_source", "self_pay"), "e3 and e4 are still in care at as_of");
  }
}
