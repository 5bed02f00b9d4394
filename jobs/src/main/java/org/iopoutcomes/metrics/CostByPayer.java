package org.iopoutcomes.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * {@code cost_by_payer} — who pays: every charge dated on or before as_of (of an episode admitted by
 * then), grouped by the charge's payer, as a full cube over payer × level of care × cost category:
 * <ul>
 *   <li>amount: sum of the amounts (adjustments included); charges: number of charges;
 *       episodes: number of distinct episodes charged;</li>
 *   <li>share_of_total = amount / the amount of the matching (all, level_of_care, cost_category)
 *       row: the payer's share of what was charged for that level and category; null when that
 *       amount is 0.</li>
 * </ul>
 * A cell has a row when it holds at least one charge.
 */
public final class CostByPayer implements GoldTable {

  @Override
  public String name() {
    return "cost_by_payer";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> cells = Cube.aggregate(facts.charges(),
        List.of(), List.of("payer", "level_of_care", "cost_category"),
        List.of("CAST(sum(amount) AS DECIMAL(18,2)) AS amount",
            "count(*) AS charges",
            "count(DISTINCT episode_id) AS episodes"));
    // The matching (all, level_of_care, cost_category) amount, read off the same cube.
    return cells.selectExpr("payer", "level_of_care", "cost_category", "amount", "charges", "episodes",
        "CAST(amount AS DOUBLE) / CAST(nullif(max(CASE WHEN payer = '" + Facts.ALL + "' THEN amount END) "
            + "OVER (PARTITION BY level_of_care, cost_category), 0) AS DOUBLE) AS share_of_total");
  }
}
