package org.iopoutcomes.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.EpisodeGroups;
import org.iopoutcomes.facts.Facts;

/**
 * {@code cost_per_outcome} — what outcomes cost, over episodes discharged on or before as_of (a
 * closed cohort), per cube cell of level of care × program component × payment source. For a
 * component c the cost is the cost attributed to c (charges for c's sessions) and the hours are
 * those of c's sessions; for {@code all}, every charge and every attended hour of the episodes.
 * Charges dated after as_of are left out; adjustments are included.
 * <ul>
 *   <li>total_cost; cost_per_episode = total_cost / episodes_discharged;</li>
 *   <li>cost_per_completion = total_cost / episodes_completed;</li>
 *   <li>cost_per_retained_90 = total_cost / episodes_retained_90, where retained at 90 days means
 *       completed or los_days ≥ 90 (every discharged episode is eligible at 90 days);</li>
 *   <li>attended_hours; cost_per_attended_hour = total_cost × 60 / attended minutes.</li>
 * </ul>
 * Ratios are rounded half-up to cents; a cost per X whose X is 0 is null. A cell has a row when
 * it holds at least one discharged episode.
 *
 * <p>Beyond metrics.md, cost_per_episode, cost_per_completion and cost_per_retained_90 carry a 95%
 * interval ({@code _ci_low}, {@code _ci_high}): the delta-method interval of a ratio of sums over
 * the cell's episodes ({@link org.iopoutcomes.stats.RatioInterval}), from exact sums of the
 * episodes' cost, squared cost and cost of those with the outcome (docs/decisions.md).
 */
public final class CostPerOutcome implements GoldTable {

  @Override
  public String name() {
    return "cost_per_outcome";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> discharged = EpisodeGroups.discharged(facts);
    Dataset<Row> totals = Cube.byLevelComponentPayer(discharged, List.of(),
        List.of("count(*) AS episodes_discharged",
            "CAST(sum(group_cost) AS DECIMAL(18,2)) AS total_cost",
            "count_if(completed) AS episodes_completed",
            "count_if(completed OR los_days >= 90) AS episodes_retained_90",
            "CAST(sum(group_attended_minutes) AS BIGINT) AS attended_minutes",
            "sum(coalesce(group_cost, 0) * coalesce(group_cost, 0)) AS cost_squared",
            "CAST(sum(CASE WHEN completed THEN group_cost ELSE 0 END) AS DECIMAL(18,2)) AS cost_of_completed",
            "CAST(sum(CASE WHEN completed OR los_days >= 90 THEN group_cost ELSE 0 END) AS DECIMAL(18,2))"
                + " AS cost_of_retained_90"));
    String total = "coalesce(total_cost, 0)";
    List<String> columns = new ArrayList<>(List.of("*",
        MetricFunctions.moneyPer("total_cost", "episodes_discharged", "cost_per_episode"),
        MetricFunctions.moneyPer("total_cost", "episodes_completed", "cost_per_completion"),
        MetricFunctions.moneyPer("total_cost", "episodes_retained_90", "cost_per_retained_90"),
        "CAST(attended_minutes AS DOUBLE) / 60 AS attended_hours",
        MetricFunctions.moneyPer("total_cost * 60", "attended_minutes", "cost_per_attended_hour")));
    columns.addAll(List.of(MetricFunctions.moneyInterval("cost_per_episode",
        "episodes_discharged", total, "cost_squared", "episodes_discharged", total)));
    columns.addAll(List.of(MetricFunctions.moneyInterval("cost_per_completion",
        "episodes_discharged", total, "cost_squared", "episodes_completed", "cost_of_completed")));
    columns.addAll(List.of(MetricFunctions.moneyInterval("cost_per_retained_90",
        "episodes_discharged", total, "cost_squared", "episodes_retained_90", "cost_of_retained_90")));
    return totals.selectExpr(columns.toArray(String[]::new));
  }
}
