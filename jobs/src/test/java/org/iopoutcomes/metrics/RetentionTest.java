package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.facts.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static GoldRows retention;

  @BeforeAll
  static void compute() {
    Facts facts = Scenario.world().facts(Scenario.AS_OF);
    retention = new GoldRows("retention", new Retention().compute(facts));
  }

  /**
   * Every episode at as_of 2025-06-30: e1 completed (los 0), e2 dropped out (los 45), e3 in care
   * 60 days, e4 in care 121 days (its discharge is after as_of), e6 transferred (los 90).
   */
  @ParameterizedTest(name = "window {0}: {1} eligible, {2} retained")
  @CsvSource({
    // e1,e2,e6 discharged; e3 and e4 observed 60 and 121 days. Retained: completed or los >= D.
    "30,  5, 5",
    "60,  5, 4",   // e2 (45 days) is not retained
    "90,  4, 3",   // e3 (60 days in care) not yet eligible; e1 completed, e4 121, e6 exactly 90
    "180, 3, 1"    // only the discharged are eligible; only e1 (completed) counts
  })
  void allEpisodesByWindow(int window, long eligible, long retained) {
    retention.cell("level_of_care", "all", "program_component", "all", "payment_source", "all",
            "window_days", String.valueOf(window))
        .count("episodes_eligible", eligible).count("episodes_retained", retained)
        .rate("retention_rate", (double) retained / eligible);
  }

  @Test
  void noEligibleEpisodeMeansNullRate() {
    // IOP self-pay is e3 (60 days) and e4 (121 days), both in care: nobody is eligible at 180 days.
    retention.cell("level_of_care", IOP, "program_component", "all", "payment_source", "self_pay",
            "window_days", "180")
        .count("episodes_eligible", 0).count("episodes_retained", 0)
        .isNull("retention_rate").isNull("retention_rate_ci_low").isNull("retention_rate_ci_high");
  }

  @Test
  void componentCellsHoldExposedEpisodes() {
    // Group therapy: e1, e2 (s1) and e3, e4 (s3).
    retention.cell("level_of_care", "all", "program_component", "group_therapy", "payment_source", "all",
            "window_days", "90")
        .count("episodes_eligible", 3).count("episodes_retained", 2);
  }

  @Test
  void fourWindowsPerCell() {
    long cells = retention.size() / 4;
    assertEquals(retention.size(), cells * 4, "every cell has one row per window");
  }
}
