package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.iopoutcomes.facts.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostPerOutcomeTest {

  private static GoldRows costs;

  @BeforeAll
  static void compute() {
    Facts facts = Scenario.world().facts(Scenario.AS_OF);
    costs = new GoldRows("cost_per_outcome", new CostPerOutcome().compute(facts));
  }

  @Test
  void everyChargeOfTheDischargedCohort() {
    // e1 350.00 (session + episode-level), e2 90.00 (100 - 50 adjustment + 40), e6 200.00; 150 minutes.
    costs.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("episodes_discharged", 3).money("total_cost", "640.00")
        .money("cost_per_episode", "213.33")
        .count("episodes_completed", 1).money("cost_per_completion", "640.00")
        .count("episodes_retained_90", 2).money("cost_per_retained_90", "320.00")
        .rate("attended_hours", 2.5).money("cost_per_attended_hour", "256.00");
  }

  @Test
  void costsPerOutcomeCarryTheDeltaMethodInterval() {
    // Costs 350, 90, 200; e1 completed; e1 and e6 retained at 90 days (RatioIntervalTest checks the formula).
    costs.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .money("cost_per_episode_ci_low", "65.65").money("cost_per_episode_ci_high", "361.02")
        .money("cost_per_completion_ci_low", "-232.79").money("cost_per_completion_ci_high", "1512.79")
        .money("cost_per_retained_90_ci_low", "136.40").money("cost_per_retained_90_ci_high", "503.60");
    // One episode: no variance, no interval; no completion: no ratio, no interval.
    costs.cell("level_of_care", "outpatient", "program_component", "all", "payment_source", "all")
        .isNull("cost_per_episode_ci_low").isNull("cost_per_completion_ci_high");
  }

  @Test
  void componentCellsTakeTheCostAttributedToTheComponent() {
    // Group therapy: e1 and e2 attended s1; c1 + c3 are for s1. The episode-level charges are not.
    costs.cell("level_of_care", IOP, "program_component", "group_therapy", "payment_source", "medicaid")
        .count("episodes_discharged", 2).money("total_cost", "200.00").money("cost_per_episode", "100.00")
        .rate("attended_hours", 2.5).money("cost_per_attended_hour", "80.00");
  }

  @Test
  void costPerZeroIsNull() {
    // e6 transferred after exactly 90 days and never attended a session.
    costs.cell("level_of_care", "outpatient", "program_component", "all", "payment_source", "all")
        .money("total_cost", "200.00").count("episodes_completed", 0).isNull("cost_per_completion")
        .count("episodes_retained_90", 1).money("cost_per_retained_90", "200.00")
        .rate("attended_hours", 0.0).isNull("cost_per_attended_hour");
  }

  @Test
  void ratiosRoundHalfUpToCents() {
    Facts facts = new SilverFixture()
        .episode("r1", "residential", "grant_scholarship", "2025-01-01", "2025-01-05", "completed")
        .episode("r2", "residential", "grant_scholarship", "2025-01-01", "2025-01-03", "other")
        .charge("k1", "r1", null, "2025-01-01", "room_and_board", "0.01", "grant_scholarship")
        .charge("k2", "r2", null, "2025-01-01", "room_and_board", "0.04", "grant_scholarship")
        .facts("2025-02-01");
    new GoldRows("cost_per_outcome", new CostPerOutcome().compute(facts))
        .cell("level_of_care", "residential", "program_component", "all", "payment_source", "all")
        .money("total_cost", "0.05").money("cost_per_episode", "0.03").money("cost_per_completion", "0.05");
  }
}
