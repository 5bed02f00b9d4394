package org.iopoutcomes.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.EpisodeGroups;
import org.iopoutcomes.facts.Facts;

/**
 * {@code completion} — over episodes discharged on or before as_of, per cube cell of level of care ×
 * program component × payment source:
 * <ul>
 *   <li>episodes_discharged; episodes_completed (reason completed);</li>
 *   <li>completion_rate = completed / discharged, with its 95% Wilson interval;</li>
 *   <li>episodes_dropped_out (reason dropped_out or terminated_by_facility) and dropout_rate, with
 *       its Wilson interval (dropout_rate_ci_low/high, beyond metrics.md);</li>
 *   <li>episodes_transferred (reason transferred).</li>
 * </ul>
 * A cell has a row when it holds at least one discharged episode.
 */
public final class Completion implements GoldTable {

  /** The counts of a cell, from the flags completed, dropped_out and transferred of its episodes. */
  public static final List<String> COUNTS = List.of("count(*) AS episodes_discharged",
      "count_if(completed) AS episodes_completed",
      "count_if(dropped_out) AS episodes_dropped_out",
      "count_if(transferred) AS episodes_transferred");

  public static final List<MetricFunctions.Rate> RATES = List.of(
      new MetricFunctions.Rate("episodes_completed", "episodes_discharged", "completion_rate"),
      new MetricFunctions.Rate("episodes_dropped_out", "episodes_discharged", "dropout_rate"));

  @Override
  public String name() {
    return "completion";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> discharged = EpisodeGroups.discharged(facts);
    return MetricFunctions.withRates(Cube.byLevelComponentPayer(discharged, List.of(), COUNTS), RATES);
  }
}
