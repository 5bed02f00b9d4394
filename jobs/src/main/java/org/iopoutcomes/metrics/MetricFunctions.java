package org.iopoutcomes.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.stats.WilsonInterval;

/**
 * SQL functions the metric queries use, backed by the plain Java statistics:
 * {@code wilson_low(x, n)} and {@code wilson_high(x, n)} (95% Wilson score interval, null when n = 0).
 * They run on aggregated rows only, one call per cube cell.
 */
public final class MetricFunctions {

  private MetricFunctions() {}

  public static void register(SparkSession spark) {
    if (spark.catalog().functionExists("wilson_low")) {
      return;
    }
    spark.udf().register("wilson_low", (UDF2<Long, Long, Double>) (x, n) -> bound(x, n, 0), DataTypes.DoubleType);
    spark.udf().register("wilson_high", (UDF2<Long, Long, Double>) (x, n) -> bound(x, n, 1), DataTypes.DoubleType);
  }

  private static Double bound(Long successes, Long trials, int which) {
    if (successes == null || trials == null) {
      return null;
    }
    double[] interval = WilsonInterval.of(successes, trials);
    return interval == null ? null : interval[which];
  }

  /** SQL for a rate x / n as a double, null when n is 0. */
  static String rate(String numerator, String denominator, String alias) {
    return "CASE WHEN " + denominator + " > 0 THEN CAST(" + numerator + " AS DOUBLE) / " + denominator
        + " END AS " + alias;
  }

  /** A rate numerator / denominator, named alias. */
  public record Rate(String numerator, String denominator, String alias) {}

  /**
   * The counts with each rate and its Wilson interval columns ({@code <alias>_ci_low},
   * {@code <alias>_ci_high}) added, and any further SQL columns after them.
   */
  public static Dataset<Row> withRates(Dataset<Row> counts, List<Rate> rates, String... more) {
    List<String> columns = new ArrayList<>(List.of("*"));
    rates.forEach(r -> columns.addAll(List.of(rateWithInterval(r.numerator(), r.denominator(), r.alias()))));
    columns.addAll(List.of(more));
    return counts.selectExpr(columns.toArray(String[]::new));
  }

  /** SQL for a rate with its Wilson interval columns {@code <alias>_ci_low}, {@code <alias>_ci_high}. */
  static String[] rateWithInterval(String numerator, String denominator, String alias) {
    return new String[] {
      rate(numerator, denominator, alias),
      "wilson_low(" + numerator + ", " + denominator + ") AS " + alias + "_ci_low",
      "wilson_high(" + numerator + ", " + denominator + ") AS " + alias + "_ci_high"
    };
  }

  /** SQL for money per unit, rounded half-up to cents; null when the unit count is 0. */
  static String moneyPer(String money, String units, String alias) {
    return "CASE WHEN " + units + " > 0 THEN CAST(round(" + money + " / " + units + ", 2) AS DECIMAL(18,2)) END AS "
        + alias;
  }
}
