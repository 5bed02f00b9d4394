package org.iopoutcomes.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IOP episodes at as_of 2025-01-31 (all admitted 2025-01-01):
 * <pre>
 * episode payer    outcome                          los  in the curve
 * A       medicaid dropped_out 2025-01-11           10   event
 * B       medicaid completed 2025-01-11             10   censored
 * E       medicaid transferred 2025-01-16           15   censored
 * C       medicaid terminated_by_facility 01-21     20   event
 * D       medicaid in care                          30   censored
 * F       self_pay dropped_out 2025-01-06           5    event
 * </pre>
 * Medicaid: day 10 at risk 5, 1 event, 1 censored, S = 4/5; day 20 at risk 2, S = 0.8 × 1/2 = 0.4;
 * median 20. All payers: day 5 S = 5/6, day 10 S = 2/3, day 20 S = 1/3. Self-pay: S = 0 on day 5.
 */
class RetentionCurveTest {

  private static GoldRows curve;

  @BeforeAll
  static void compute() {
    SilverFixture world = new SilverFixture()
        .episode("A", Scenario.IOP, "medicaid", "2025-01-01", "2025-01-11", "dropped_out")
        .episode("B", Scenario.IOP, "medicaid", "2025-01-01", "2025-01-11", "completed")
        .episode("E", Scenario.IOP, "medicaid", "2025-01-01", "2025-01-16", "transferred")
        .episode("C", Scenario.IOP, "medicaid", "2025-01-01", "2025-01-21", "terminated_by_facility")
        .episode("D", Scenario.IOP, "medicaid", "2025-01-01", null, null)
        .episode("F", Scenario.IOP, "self_pay", "2025-01-01", "2025-01-06", "dropped_out");
    curve = new GoldRows("retention_curve", new RetentionCurve().compute(world.facts("2025-01-31")));
  }

  @Test
  void onePayer() {
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "medicaid", "day", "10")
        .count("at_risk", 5).count("events", 1).count("censored", 1).rate("survival", 0.8)
        .rate("std_err", 0.8 * Math.sqrt(1.0 / (5 * 4))).rate("median_days", 20.0)
        .count("episodes", 5).count("last_observed_day", 30);
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "medicaid", "day", "20")
        .count("at_risk", 2).count("events", 1).count("censored", 0).rate("survival", 0.4);
    assertFalse(curve.has("payment_source", "medicaid", "day", "15"), "a day with censorings only is no row");
  }

  @Test
  void theWholeLevel() {
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "all", "day", "5").rate("survival", 5.0 / 6);
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "all", "day", "10").rate("survival", 2.0 / 3);
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "all", "day", "20").rate("survival", 1.0 / 3)
        .rate("median_days", 20.0);
    assertEquals(3 + 2 + 1, curve.size(), "three days for all payers, two for medicaid, one for self-pay");
  }

  @Test
  void survivalZeroHasNoInterval() {
    curve.cell("level_of_care", Scenario.IOP, "payment_source", "self_pay", "day", "5")
        .rate("survival", 0.0).isNull("survival_ci_low").isNull("survival_ci_high").rate("median_days", 5.0);
  }
}
