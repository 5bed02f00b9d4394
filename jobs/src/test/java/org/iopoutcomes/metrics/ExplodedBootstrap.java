package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.stats.PoissonBootstrap;

/**
 * The bootstrap as {@link LevelOfCareComparison} first computed it, in SQL: one row per episode and
 * resample, a weight per row from xxhash64(seed, resample, episode_id), then a group-by. Too heavy
 * for a million episodes; kept as the oracle that {@link BootstrapSums} must agree with.
 */
final class ExplodedBootstrap {

  private ExplodedBootstrap() {}

  /** Per level, per resample b: {Σ w, Σ w·cost, Σ w·completed}, as {@link BootstrapSums#byLevel}. */
  static Map<String, double[][]> byLevel(Dataset<Row> discharged, int resamples, long seed) {
    Column uniform = expr("(xxhash64(" + seed + "L, resample, episode_id) & 9007199254740991L) / 9007199254740992.0");
    Dataset<Row> sums = discharged
        .select(col("level_of_care"), col("episode_id"), col("total_cost").cast(DataTypes.DoubleType).as("cost"),
            col("completed").cast(DataTypes.IntegerType).as("completed"),
            expr("explode(sequence(0, " + (resamples - 1) + "))").as("resample"))
        .withColumn("w", poissonWeight(uniform))
        .groupBy("level_of_care", "resample")
        .agg(sum("w").cast(DataTypes.DoubleType), sum(col("w").multiply(col("cost"))),
            sum(col("w").multiply(col("completed"))).cast(DataTypes.DoubleType));
    Map<String, double[][]> byLevel = new TreeMap<>();
    for (Row row : sums.collectAsList()) {
      double[][] replicates = byLevel.computeIfAbsent(row.getString(0), l -> new double[resamples][]);
      replicates[row.getInt(1)] = new double[] {row.getDouble(2), row.getDouble(3), row.getDouble(4)};
    }
    return byLevel;
  }

  /** The inverse Poisson(1) distribution function as one SQL expression. */
  static Column poissonWeight(Column uniform) {
    double[] cumulative = PoissonBootstrap.cumulativeProbabilities();
    Column weight = lit(PoissonBootstrap.MAX_WEIGHT);
    for (int k = cumulative.length - 1; k >= 0; k--) {
      weight = when(uniform.lt(cumulative[k]), k).otherwise(weight);
    }
    return weight;
  }
}
