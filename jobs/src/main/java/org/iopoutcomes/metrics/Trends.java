package org.iopoutcomes.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * {@code trends} — the headline measures by month of admission, for trend lines: one row per
 * admission month ({@code yyyy-MM}) and level of care (with {@code all}), over the episodes
 * admitted in that month on or before as_of (each month is a cohort, followed up to as_of):
 * <ul>
 *   <li>admissions; episodes_discharged (on or before as_of); episodes_completed;</li>
 *   <li>completion_rate = completed / discharged, with its 95% Wilson interval;</li>
 *   <li>episodes_eligible_90 (discharged, or observed for 90 days) and episodes_retained_90
 *       (eligible, and completed or in care for 90 days or more); retention_rate_90 with its 95%
 *       Wilson interval (the interval beyond metrics.md);</li>
 *   <li>total_cost = every charge up to as_of of the month's discharged episodes;
 *       cost_per_episode = total_cost / episodes_discharged, half-up to cents.</li>
 * </ul>
 * A month has rows once an episode was admitted in it; the latest months of a run are young
 * cohorts, with few discharges and few episodes yet eligible at 90 days (docs/decisions.md).
 */
public final class Trends implements GoldTable {

  @Override
  public String name() {
    return "trends";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> admitted = facts.episodes().selectExpr("*",
        "date_format(admission_date, 'yyyy-MM') AS admission_month",
        "discharged OR days_observed >= 90 AS eligible_90");
    Dataset<Row> counts = Cube.aggregate(admitted, List.of("admission_month"), List.of("level_of_care"), List.of(
        "count(*) AS admissions",
        "count_if(discharged) AS episodes_discharged",
        "count_if(completed) AS episodes_completed",
        "count_if(eligible_90) AS episodes_eligible_90",
        "count_if(eligible_90 AND (completed OR los_days >= 90)) AS episodes_retained_90",
        "CAST(coalesce(sum(CASE WHEN discharged THEN total_cost END), 0) AS DECIMAL(18,2)) AS total_cost"));
    return MetricFunctions.withRates(counts, List.of(
            new MetricFunctions.Rate("episodes_completed", "episodes_discharged", "completion_rate"),
            new MetricFunctions.Rate("episodes_retained_90", "episodes_eligible_90", "retention_rate_90")),
        MetricFunctions.moneyPer("total_cost", "episodes_discharged", "cost_per_episode"));
  }
}
