package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.stats.WilsonInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The trends of {@link Scenario}'s world at 2025-06-30, each month a cohort of admissions. */
class TrendsTest {

  private static GoldRows trends;

  @BeforeAll
  static void compute() {
    Facts facts = Scenario.world().facts(Scenario.AS_OF);
    trends = new GoldRows("trends", new Trends().compute(facts));
  }

  @Test
  void januaryCohortByLevel() {
    // e1 (completed the same day, 350.00 charged) and e2 (dropped out at day 45, 90.00 net of an adjustment).
    trends.cell("admission_month", "2025-01", "level_of_care", IOP)
        .count("admissions", 2).count("episodes_discharged", 2).count("episodes_completed", 1)
        .rate("completion_rate", 0.5)
        .rate("completion_rate_ci_low", WilsonInterval.of(1, 2)[0])
        .rate("completion_rate_ci_high", WilsonInterval.of(1, 2)[1])
        .count("episodes_eligible_90", 2).count("episodes_retained_90", 1).rate("retention_rate_90", 0.5)
        .money("total_cost", "440.00").money("cost_per_episode", "220.00");
    // e6, transferred at day 90: retained at 90 days without completing.
    trends.cell("admission_month", "2025-01", "level_of_care", "outpatient")
        .count("admissions", 1).count("episodes_discharged", 1).count("episodes_completed", 0)
        .rate("completion_rate", 0.0).count("episodes_retained_90", 1).rate("retention_rate_90", 1.0)
        .money("total_cost", "200.00").money("cost_per_episode", "200.00");
  }

  @Test
  void theAllRowSumsTheLevelsAndRoundsCostHalfUp() {
    trends.cell("admission_month", "2025-01", "level_of_care", "all")
        .count("admissions", 3).count("episodes_discharged", 3).count("episodes_completed", 1)
        .count("episodes_eligible_90", 3).count("episodes_retained_90", 2)
        .rate("retention_rate_90_ci_low", WilsonInterval.of(2, 3)[0])
        .money("total_cost", "640.00").money("cost_per_episode", "213.33");
  }

  @Test
  void youngCohortsStillInCare() {
    // e4: its discharge comes after as_of, so in care, observed 121 days: eligible and retained at 90.
    // Its charges are not in total_cost, which counts discharged episodes only.
    trends.cell("admission_month", "2025-03", "level_of_care", IOP)
        .count("admissions", 1).count("episodes_discharged", 0).isNull("completion_rate")
        .count("episodes_eligible_90", 1).count("episodes_retained_90", 1)
        .money("total_cost", "0.00").isNull("cost_per_episode");
    // e3, admitted in May, observed 60 days: not yet eligible at 90 days.
    trends.cell("admission_month", "2025-05", "level_of_care", "all")
        .count("admissions", 1).count("episodes_eligible_90", 0).isNull("retention_rate_90");
  }

  @Test
  void monthsAndLevelsWithoutAdmissionsHaveNoRow() {
    assertFalse(trends.has("admission_month", "2025-07"), "e5 is admitted after as_of");
    assertFalse(trends.has("admission_month", "2025-03", "level_of_care", "outpatient"));
    assertEquals(7, trends.size(), "2025-01: IOP, outpatient, all; 2025-03 and 2025-05: IOP and all");
  }
}
