package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.stats.DirectStandardization;
import org.iopoutcomes.stats.Money;
import org.iopoutcomes.stats.NewcombeDifference;
import org.iopoutcomes.stats.PercentileInterval;

/**
 * {@code level_of_care_comparison} — intensive outpatient care (IOP) against each other level of care
 * present, one row per pair and measure:
 * <ul>
 *   <li>completion_rate over discharged episodes; retention_rate_90 over episodes eligible at 90 days
 *       (discharged, or in care 90 days by as_of), retained when completed or los_days ≥ 90;</li>
 *   <li>cost_per_episode (total cost / discharged episodes) and cost_per_completion (total cost /
 *       completions) over discharged episodes, every charge dated by as_of;</li>
 *   <li>difference = IOP − other, with a 95% interval: Newcombe's hybrid score interval (method 10 of
 *       Newcombe 1998) for rates; for costs the 2.5th and 97.5th percentiles of the difference over
 *       {@code resamples} Poisson-bootstrap resamples drawn within each level with a fixed seed;</li>
 *   <li>rates directly standardised to one standard population per pair: strata of age_group ×
 *       co_occurring_mental_health (true, false, unknown) × prior_treatment_episodes (0, 1, 2+,
 *       unknown); both levels are weighted by the pair's pooled counts of the strata that both levels
 *       populate, and standard_population_share is the share of the pair's population in those strata;</li>
 *   <li>icer = (IOP − other) cost per episode / (IOP − other) completion rate: dollars per additional
 *       completion; null where the completion rates are equal; its interval from the same
 *       resamples (replicates where the completion rates are equal are left out).</li>
 *   <li>money (the cost values, their difference and interval, the ICER and its interval) is rounded
 *       half-up to cents; a cost per episode or completion is divided from the exact total, the cost
 *       difference is that of the two rounded values, and the ICER is divided from the unrounded costs
 *       before it is rounded.</li>
 * </ul>
 * A row of the sample batch:
 * <pre>
 *   reference_level       comparison_level  measure           iop_n other_n iop_value other_value difference …
 *   intensive_outpatient  inpatient         cost_per_episode  123   32      2677.41   5813.07     -3135.66   …
 * </pre>
 * The heavy part, the resamples, stays distributed ({@link BootstrapSums}): each episode's Poisson
 * weights are drawn from a hash of (seed, resample, episode_id), each partition adds its episodes into
 * per-level sums per resample, and only those sums (levels × resamples numbers) are shuffled and reach
 * the driver; the sums are exact, so the result does not depend on partitioning.
 */
public final class LevelOfCareComparison implements GoldTable {

  public static final String REFERENCE_LEVEL = "intensive_outpatient";
  public static final int MIN_RESAMPLES = 1000;
  private static final DecimalType MONEY_TOTAL = DataTypes.createDecimalType(18, 2);

  private final int resamples;
  private final long seed;

  public LevelOfCareComparison(int resamples, long seed) {
    if (resamples < MIN_RESAMPLES) {
      throw new IllegalArgumentException("the bootstrap needs at least " + MIN_RESAMPLES + " resamples, got "
          + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "level_of_care_comparison";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    SparkSession spark = facts.episodes().sparkSession();
    Dataset<Row> episodes = facts.episodes()
        .withColumn("eligible_90", col("discharged").or(col("days_observed").geq(90)))
        .withColumn("retained_90", col("completed").or(col("los_days").geq(90)))
        .withColumn("stratum", stratum());
    Map<String, LevelTotals> totals = levelTotals(episodes);
    Map<String, Map<String, DirectStandardization.Count>> completionStrata = strata(episodes.filter(col("discharged")), "completed");
    Map<String, Map<String, DirectStandardization.Count>> retentionStrata = strata(episodes.filter(col("eligible_90")), "retained_90");
    Map<String, double[][]> replicates = BootstrapSums.byLevel(episodes.filter(col("discharged")), resamples, seed);

    List<Row> rows = new ArrayList<>();
    LevelTotals iop = totals.get(REFERENCE_LEVEL);
    if (iop == null) {
      return spark.createDataFrame(rows, ComparisonRow.SCHEMA);
    }
    for (LevelTotals other : totals.values()) {
      if (other.level().equals(REFERENCE_LEVEL)) {
        continue;
      }
      ComparisonRow.Icer icer = ComparisonRow.icer(iop, other,
          replicates.get(REFERENCE_LEVEL), replicates.get(other.level()));
      rows.add(rateRow("completion_rate", iop.discharged(), iop.completed(), other.discharged(), other.completed(),
          completionStrata.get(REFERENCE_LEVEL), completionStrata.get(other.level()), other, icer));
      rows.add(rateRow("retention_rate_90", iop.eligible90(), iop.retained90(), other.eligible90(),
          other.retained90(), retentionStrata.get(REFERENCE_LEVEL), retentionStrata.get(other.level()), other, icer));
      rows.add(costRow("cost_per_episode", iop.discharged(), iop.costPerEpisode(), other.discharged(),
          other.costPerEpisode(), ComparisonRow.difference(replicates, other.level(), ComparisonRow::costPerEpisode),
          other, icer));
      rows.add(costRow("cost_per_completion", iop.discharged(), iop.costPerCompletion(), other.discharged(),
          other.costPerCompletion(),
          ComparisonRow.difference(replicates, other.level(), ComparisonRow::costPerCompletion), other, icer));
    }
    return spark.createDataFrame(rows, ComparisonRow.SCHEMA);
  }

  private Row rateRow(String measure, long iopN, long iopX, long otherN, long otherX,
      Map<String, DirectStandardization.Count> iopStrata, Map<String, DirectStandardization.Count> otherStrata,
      LevelTotals other, ComparisonRow.Icer icer) {
    Double iopRate = iopN == 0 ? null : (double) iopX / iopN;
    Double otherRate = otherN == 0 ? null : (double) otherX / otherN;
    Double difference = iopRate == null || otherRate == null ? null : iopRate - otherRate;
    double[] interval = NewcombeDifference.of(iopX, iopN, otherX, otherN);
    DirectStandardization.Pair standardised = DirectStandardization.pair(ComparisonRow.strata(iopStrata, otherStrata));
    return ComparisonRow.of(other.level(), measure, iopN, otherN, iopRate, otherRate, difference, interval,
        "newcombe_hybrid_score", standardised, icer, resamples, seed);
  }

  private Row costRow(String measure, long iopN, BigDecimal iopValue, long otherN, BigDecimal otherValue,
      double[] replicateDifferences, LevelTotals other, ComparisonRow.Icer icer) {
    Double difference = iopValue == null || otherValue == null ? null : iopValue.subtract(otherValue).doubleValue();
    return ComparisonRow.of(other.level(), measure, iopN, otherN, Money.toDouble(iopValue),
        Money.toDouble(otherValue), difference, Money.cents(PercentileInterval.of(replicateDifferences)),
        "percentile_bootstrap", null, icer, resamples, seed);
  }

  /** Per level: counts and total cost (five levels at most reach the driver). */
  private static Map<String, LevelTotals> levelTotals(Dataset<Row> episodes) {
    Map<String, LevelTotals> totals = new TreeMap<>();
    for (Row row : episodes.groupBy("level_of_care").agg(
            count_if(col("discharged")).as("discharged"),
            count_if(col("completed")).as("completed"),
            count_if(col("eligible_90")).as("eligible_90"),
            count_if(col("eligible_90").and(col("retained_90"))).as("retained_90"),
            sum(expr("CASE WHEN discharged THEN total_cost END")).cast(MONEY_TOTAL).as("cost"))
        .collectAsList()) {
      totals.put(row.getString(0), new LevelTotals(row.getString(0), row.getLong(1), row.getLong(2), row.getLong(3),
          row.getLong(4), row.isNullAt(5) ? BigDecimal.ZERO : row.getDecimal(5)));
    }
    return totals;
  }

  /** Per level and case-mix stratum: successes of n (levels × 84 strata at most). */
  private static Map<String, Map<String, DirectStandardization.Count>> strata(Dataset<Row> population,
      String success) {
    Map<String, Map<String, DirectStandardization.Count>> byLevel = new TreeMap<>();
    for (Row row : population.groupBy("level_of_care", "stratum")
        .agg(count_if(col(success)).as("x"), count(lit(1)).as("n")).collectAsList()) {
      byLevel.computeIfAbsent(row.getString(0), l -> new TreeMap<>())
          .put(row.getString(1), new DirectStandardization.Count(row.getLong(2), row.getLong(3)));
    }
    return byLevel;
  }

  /** age_group × co-occurring mental health × prior episodes (0, 1, 2+, unknown). */
  private static Column stratum() {
    return expr("concat_ws('|', age_group, coalesce(CAST(co_occurring_mental_health AS STRING), 'unknown'), "
        + "CASE WHEN prior_treatment_episodes IS NULL THEN 'unknown' WHEN prior_treatment_episodes >= 2 THEN '2+' "
        + "ELSE CAST(prior_treatment_episodes AS STRING) END)");
  }

  /** What one level of care adds up to; cost is the exact total of its discharged episodes. */
  record LevelTotals(String level, long discharged, long completed, long eligible90, long retained90,
      BigDecimal cost) {
    /** Rounded half-up to cents; null without a discharged episode. */
    BigDecimal costPerEpisode() {
      return Money.per(cost, discharged);
    }

    BigDecimal costPerCompletion() {
      return Money.per(cost, completed);
    }

    /** Unrounded, for the ICER. */
    Double exactCostPerEpisode() {
      return discharged == 0 ? null : cost.doubleValue() / discharged;
    }

    Double completionRate() {
      return discharged == 0 ? null : (double) completed / discharged;
    }
  }
}
