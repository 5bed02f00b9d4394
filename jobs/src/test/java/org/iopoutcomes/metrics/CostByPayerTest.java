package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.iopoutcomes.facts.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CostByPayerTest {

  private static GoldRows byPayer;

  @BeforeAll
  static void compute() {
    Facts facts = Scenario.world().facts(Scenario.AS_OF);
    byPayer = new GoldRows("cost_by_payer", new CostByPayer().compute(facts));
  }

  @Test
  void everyChargeUpToTheCutOff() {
    // c1..c6, c8, c9; c7 is after as_of. Episodes charged: e1, e2, e3, e4, e6.
    byPayer.cell("payer", "all", "level_of_care", "all", "cost_category", "all")
        .money("amount", "840.00").count("charges", 8).count("episodes", 5).rate("share_of_total", 1.0);
  }

  @Test
  void groupedByTheChargesPayerNotTheEpisodes() {
    // c5 is paid by self_pay although e2's primary source is medicaid.
    byPayer.cell("payer", "self_pay", "level_of_care", IOP, "cost_category", "therapy")
        .money("amount", "240.00").count("charges", 3).count("episodes", 3)
        .rate("share_of_total", 240.0 / 440.0);
    byPayer.cell("payer", "medicaid", "level_of_care", "all", "cost_category", "all")
        .money("amount", "400.00").count("charges", 4).count("episodes", 2).rate("share_of_total", 400.0 / 840.0);
  }

  @Test
  void adjustmentsAreCharges() {
    byPayer.cell("payer", "medicaid", "level_of_care", IOP, "cost_category", "adjustment")
        .money("amount", "-50.00").count("charges", 1).rate("share_of_total", 1.0);
    assertFalse(byPayer.has("payer", "self_pay", "cost_category", "assessment"));
  }

  @Test
  void shareIsNullWhenTheTotalIsZero() {
    Facts facts = new SilverFixture()
        .episode("z1", "outpatient", "medicaid", "2025-01-01", null, null)
        .charge("k1", "z1", null, "2025-01-02", "adjustment", "25.00", "medicaid")
        .charge("k2", "z1", null, "2025-01-03", "adjustment", "-25.00", "grant_scholarship")
        .facts("2025-02-01");
    new GoldRows("cost_by_payer", new CostByPayer().compute(facts))
        .cell("payer", "medicaid", "level_of_care", "outpatient", "cost_category", "adjustment")
        .money("amount", "25.00").isNull("share_of_total");
  }
}
