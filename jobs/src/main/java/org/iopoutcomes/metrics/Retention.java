package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.EpisodeGroups;
import org.iopoutcomes.facts.Facts;

/**
 * {@code retention} — for every window D of 30, 60, 90 and 180 days, over episodes admitted on or
 * before as_of, per cube cell of level of care × program component × payment source:
 * <ul>
 *   <li>episodes_eligible: episodes discharged, or with as_of − admission_date ≥ D (an episode
 *       still in care that has not yet had D days cannot be judged);</li>
 *   <li>episodes_retained: eligible episodes that completed or whose los_days ≥ D (finishing the
 *       program counts as retention);</li>
 *   <li>retention_rate = retained / eligible with its 95% Wilson interval; null when none is eligible.</li>
 * </ul>
 * A cell has four rows, one per window, when it holds at least one episode.
 */
public final class Retention implements GoldTable {

  public static final int[] WINDOWS = {30, 60, 90, 180};

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Column windows = array(java.util.Arrays.stream(WINDOWS).mapToObj(d -> lit(d)).toArray(Column[]::new));
    Column window = col("window_days");
    Column eligible = col("discharged").or(col("days_observed").geq(window));
    Dataset<Row> perWindow = EpisodeGroups.byComponent(facts)
        .withColumn("window_days", explode(windows))
        .withColumn("eligible", eligible)
        .withColumn("retained", eligible.and(col("completed").or(col("los_days").geq(window))));
    Dataset<Row> counts = Cube.byLevelComponentPayer(perWindow, List.of("window_days"),
        List.of("count_if(eligible) AS episodes_eligible", "count_if(retained) AS episodes_retained"));
    return MetricFunctions.withRates(counts,
        List.of(new MetricFunctions.Rate("episodes_retained", "episodes_eligible", "retention_rate")));
  }
}
