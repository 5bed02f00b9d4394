package org.iopoutcomes.stats;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weights drawn in Java are those Spark SQL draws from the same (seed, resample, id). SQL reads
 * {@code 9007199254740992.0} as a decimal, so its u is a DECIMAL(38,17), compared with the
 * distribution function as a double: equal to ours within the decimal's rounding, and giving the same
 * weight.
 */
class HashedPoissonWeightsTest {

  /** Short, empty, non-ASCII, longer than XXH64's 32-byte block, and null ids. */
  private static final List<String> IDS = Arrays.asList("e1", "", "épisode-ü-7", "IOP-2025-000123-a-much-longer-episode-key",
      null, "outpatient-42");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7L, -3L, Long.MAX_VALUE})
  void sameHashesAndUniformNumbersAsSparkSql(long seed) {
    int resamples = 1000;
    HashedPoissonWeights weights = new HashedPoissonWeights(seed, resamples);
    for (Row row : sqlDraws(seed, resamples)) {
      int resample = row.getInt(0);
      UTF8String id = UTF8String.fromString(row.getString(1));
      String where = "resample " + resample + ", id " + id;
      double sqlUniform = row.getDecimal(3).doubleValue();
      assertEquals(row.getLong(2), weights.hash(resample, id), "xxhash64 at " + where);
      assertEquals(sqlUniform, HashedPoissonWeights.uniform(weights.hash(resample, id)), 1e-17, "u at " + where);
      assertEquals(PoissonBootstrap.weight(sqlUniform), weights.weight(resample, id), "weight at " + where);
    }
  }

  /** Every id at every 37th resample and the last: resample, id, hash, u. */
  private static List<Row> sqlDraws(long seed, int resamples) {
    SparkSession spark = SparkTestSession.get();
    List<Row> ids = new ArrayList<>();
    IDS.forEach(id -> ids.add(RowFactory.create(id)));
    Dataset<Row> episodes = spark.createDataFrame(ids, new StructType().add("episode_id", DataTypes.StringType));
    return spark.range(resamples).filter("id % 37 = 0 OR id = " + (resamples - 1))
        .select(col("id").cast(DataTypes.IntegerType).as("resample"))
        .crossJoin(episodes)
        .select(col("resample"), col("episode_id"), expr("xxhash64(" + seed + "L, resample, episode_id)").as("hash"),
            expr("(xxhash64(" + seed + "L, resample, episode_id) & 9007199254740991L) / 9007199254740992.0"))
        .collectAsList();
  }
}
