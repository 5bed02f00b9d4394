package org.iopoutcomes.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import java.math.BigDecimal;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.stats.Money;
import org.iopoutcomes.stats.RatioInterval;
import org.iopoutcomes.stats.WilsonInterval;

/**
 * SQL functions the metric queries use, backed by the plain Java statistics:
 * {@code wilson_low(x, n)} and {@code wilson_high(x, n)} (95% Wilson score interval, null when n = 0),
 * and {@code money_ci_low(n, Σy, Σy², Σx, Σxy)}, {@code money_ci_high(…)} (the 95% interval of a cost
 * per outcome Σy / Σx, in cents rounded half-up; see {@link RatioInterval}).
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
    spark.udf().register("money_ci_low", (UDF5<Long, BigDecimal, BigDecimal, Long, BigDecimal, BigDecimal>)
        (n, y, yy, x, xy) -> moneyBound(n, y, yy, x, xy, 0), MONEY);
    spark.udf().register("money_ci_high", (UDF5<Long, BigDecimal, BigDecimal, Long, BigDecimal, BigDecimal>)
        (n, y, yy, x, xy) -> moneyBound(n, y, yy, x, xy, 1), MONEY);
  }

  private static final org.apache.spark.sql.types.DecimalType MONEY = DataTypes.createDecimalType(18, 2);

  private static BigDecimal moneyBound(Long n, BigDecimal sumY, BigDecimal sumYSquared, Long sumX, BigDecimal sumXY,
      int which) {
    if (n == null || sumY == null || sumYSquared == null || sumX == null || sumXY == null) {
      return null;
    }
    double[] interval = RatioInterval.of(n, sumY, sumYSquared, sumX, sumXY);
    return interval == null ? null : Money.centsOf(interval[which]);
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

  /**
   * SQL for the interval columns {@code <alias>_ci_low}, {@code <alias>_ci_high} of a cost per outcome
   * Σy / Σx over {@code n} episodes, from the sums of y, y² and x·y and the count of x (x binary).
   */
  static String[] moneyInterval(String alias, String n, String sumY, String sumYSquared, String sumX,
      String sumXY) {
    String arguments = "(" + String.join(", ", n, sumY, sumYSquared, sumX, sumXY) + ")";
    return new String[] {
      "money_ci_low" + arguments + " AS " + alias + "_ci_low",
      "money_ci_high" + arguments + " AS " + alias + "_ci_high"
    };
  }

  /** SQL for money per unit, rounded half-up to cents; null when the unit count is 0. */
  static String moneyPer(String money, String units, String alias) {
    return "CASE WHEN " + units + " > 0 THEN CAST(round(" + money + " / " + units + ", 2) AS DECIMAL(18,2)) END AS "
        + alias;
  }
}
