package org.iopoutcomes.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Row;
import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.stats.NewcombeDifference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten discharged IOP episodes against ten discharged outpatient ones and six partial-hospitalization
 * ones (as_of 2025-06-30, stays of 30 days, so retained at 90 days = completed):
 * <pre>
 * level       age 25-34              age 45-54              age 65+                each costs
 * IOP         8 episodes, 6 complete 2 episodes, 0 complete -                      1,000.00
 * outpatient  2 episodes, 1 complete 8 episodes, 2 complete -                        400.00
 * partial     4 episodes, 2 complete -                      2 episodes, 2 complete   100.00 (one 100.03)
 * </pre>
 * IOP vs outpatient: crude completion 0.6 vs 0.3; standardised to the pooled case mix (10 and 10:
 * weights 1/2, 1/2) both are 0.375: the crude difference is all case mix. Cost per episode 1,000 vs
 * 400, every resample too, so the bootstrap interval is [600, 600]. ICER = 600 / 0.3 = 2,000 per
 * completion.
 *
 * <p>IOP vs partial hospitalization: only age 25-34 is populated by both, so both are standardised to
 * its pooled 12 episodes: IOP 6/8 = 0.75, partial 2/4 = 0.5, a difference of +0.25 where the crude one
 * is 0.6 − 4/6 = −0.067; the standard covers 12 of the pair's 16 episodes. (Version 1 weighted each
 * level over its own strata: IOP (12 · .75 + 2 · 0) / 14 = 0.643 against (12 · .5 + 2 · 1) / 14 = 0.571.)
 * Partial's cost per episode is 600.03 / 6 = 100.005, rounded half-up to 100.01; per completion
 * 600.03 / 4 = 150.0075, rounded to 150.01.
 */
class LevelOfCareComparisonTest {

  private static final GoldTables.Bootstrap BOOTSTRAP = new GoldTables.Bootstrap(1000, 7L);
  private static Facts facts;
  private static GoldRows comparison;

  @BeforeAll
  static void compute() {
    SilverFixture world = new SilverFixture();
    addLevel(world, Scenario.IOP, "1000.00", 8, 6, 2, 0, "45-54");
    addLevel(world, "outpatient", "400.00", 2, 1, 8, 2, "45-54");
    addLevel(world, "partial_hospitalization", "100.00", 4, 2, 2, 2, "65+");
    world.charge("c-half-cent", "partial_hospitalization-0", null, "2025-01-03", "therapy", "0.03", "medicaid");
    facts = world.facts("2025-06-30");
    comparison = new GoldRows("level_of_care_comparison",
        new LevelOfCareComparison(BOOTSTRAP.resamples(), BOOTSTRAP.seed()).compute(facts));
  }

  private static void addLevel(SilverFixture world, String level, String cost, int young, int youngCompleted,
      int older, int olderCompleted, String olderAge) {
    for (int i = 0; i < young + older; i++) {
      boolean isYoung = i < young;
      boolean completed = isYoung ? i < youngCompleted : i - young < olderCompleted;
      String id = level + "-" + i;
      world.episode(id, level, "medicaid", "2025-01-01", "2025-01-31", completed ? "completed" : "dropped_out")
          .set("episodes", "age_group", isYoung ? "25-34" : olderAge)
          .charge("c-" + id, id, null, "2025-01-02", "therapy", cost, "medicaid");
    }
  }

  @Test
  void completionCrudeDifferenceWithNewcombeInterval() {
    double[] newcombe = NewcombeDifference.of(6, 10, 3, 10);
    comparison.cell("comparison_level", "outpatient", "measure", "completion_rate")
        .count("iop_n", 10).count("other_n", 10)
        .rate("iop_value", 0.6).rate("other_value", 0.3).rate("difference", 0.3)
        .rate("difference_ci_low", newcombe[0]).rate("difference_ci_high", newcombe[1]);
  }

  @Test
  void standardisedToThePairsCaseMix() {
    comparison.cell("comparison_level", "outpatient", "measure", "completion_rate")
        .rate("iop_standardised", 0.375).rate("other_standardised", 0.375).rate("standardised_difference", 0.0);
    comparison.cell("comparison_level", "outpatient", "measure", "retention_rate_90")
        .rate("iop_value", 0.6).rate("iop_standardised", 0.375);
  }

  @Test
  void costsWithBootstrapIntervals() {
    comparison.cell("comparison_level", "outpatient", "measure", "cost_per_episode")
        .rate("iop_value", 1000.0).rate("other_value", 400.0).rate("difference", 600.0)
        .rate("difference_ci_low", 600.0).rate("difference_ci_high", 600.0)
        .isNull("iop_standardised");
    // 10,000 / 6 and 4,000 / 3, rounded half-up to cents; the difference is that of the rounded values.
    GoldRows.Cell perCompletion = comparison.cell("comparison_level", "outpatient", "measure", "cost_per_completion")
        .rate("iop_value", 1666.67).rate("other_value", 1333.33).rate("difference", 333.34);
    double low = (Double) perCompletion.get("difference_ci_low");
    double high = (Double) perCompletion.get("difference_ci_high");
    assertTrue(low < 333.34 && 333.34 < high, low + " to " + high);
    assertInCents(low, "difference_ci_low");
    assertInCents(high, "difference_ci_high");
  }

  @Test
  void bothLevelsOfAPairAreStandardisedToTheStrataTheyShare() {
    comparison.cell("comparison_level", "partial_hospitalization", "measure", "completion_rate")
        .rate("iop_value", 0.6).rate("other_value", 4.0 / 6)
        .rate("iop_standardised", 0.75).rate("other_standardised", 0.5).rate("standardised_difference", 0.25)
        .rate("standard_population_share", 12.0 / 16);
    comparison.cell("comparison_level", "outpatient", "measure", "completion_rate")
        .rate("standard_population_share", 1.0);
    comparison.cell("comparison_level", "partial_hospitalization", "measure", "cost_per_episode")
        .isNull("iop_standardised").isNull("standard_population_share");
  }

  @Test
  void moneyIsRoundedHalfUpToCents() {
    comparison.cell("comparison_level", "partial_hospitalization", "measure", "cost_per_episode")
        .rate("iop_value", 1000.00).rate("other_value", 100.01).rate("difference", 899.99);
    comparison.cell("comparison_level", "partial_hospitalization", "measure", "cost_per_completion")
        .rate("other_value", 150.01);
    // (1,000 − 100.005) / (0.6 − 4/6) = −13,499.925: divided unrounded, then rounded to cents.
    GoldRows.Cell row = comparison.cell("comparison_level", "partial_hospitalization", "measure", "cost_per_episode");
    double icer = (Double) row.get("icer");
    assertEquals(-13499.925, icer, 0.0051, "icer");
    for (String column : List.of("icer", "icer_ci_low", "icer_ci_high", "difference_ci_low", "difference_ci_high")) {
      assertInCents((Double) row.get(column), column);
    }
  }

  private static void assertInCents(double value, String column) {
    assertEquals(Math.round(value * 100) / 100.0, value, 0.0, column + " is in whole cents: " + value);
  }

  @Test
  void icerWithItsInterval() {
    GoldRows.Cell row = comparison.cell("comparison_level", "outpatient", "measure", "cost_per_episode")
        .rate("icer", 2000.0).count("bootstrap_resamples", 1000).count("bootstrap_seed", 7);
    double low = (Double) row.get("icer_ci_low");
    double high = (Double) row.get("icer_ci_high");
    assertTrue(low < 2000.0 && 2000.0 < high, "the interval holds the estimate: " + low + " to " + high);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAnotherSeedOthers() {
    List<Row> again = new LevelOfCareComparison(1000, 7L).compute(facts).collectAsList();
    List<Row> otherSeed = new LevelOfCareComparison(1000, 8L).compute(facts).collectAsList();
    Object icerLow = comparison.cell("comparison_level", "outpatient", "measure", "cost_per_episode").get("icer_ci_low");
    assertEquals(icerLow, again.stream().filter(r -> r.getAs("measure").equals("cost_per_episode")).findFirst()
        .orElseThrow().getAs("icer_ci_low"));
    assertNotEquals(icerLow, otherSeed.stream().filter(r -> r.getAs("measure").equals("cost_per_episode"))
        .findFirst().orElseThrow().getAs("icer_ci_low"));
  }

  @Test
  void atLeastAThousandResamples() {
    assertThrows(IllegalArgumentException.class, () -> new LevelOfCareComparison(999, 1L));
  }
}
