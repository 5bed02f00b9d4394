package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.iopoutcomes.stats.HashedPoissonWeights;
import scala.Tuple2;

/**
 * The Poisson-bootstrap resamples of {@link LevelOfCareComparison}: per level of care and resample b,
 * Σ w, Σ w·cost and Σ w·completed over the discharged episodes, w being the episode's weight in
 * resample b drawn from (seed, b, episode_id) by {@link HashedPoissonWeights}.
 *
 * <p>No row is made per episode and resample: each partition adds its episodes into one set of arrays
 * per level present, and the partitions' arrays are added together, so what is shuffled and reaches
 * the driver is levels × resamples sums, however many episodes there are. Costs are added in cents,
 * so every sum is an integer, exact in any order: the result is the same bit for bit whatever the
 * partitioning. (A long holds Σ w·cost up to 9 × 10^16 dollars per level and resample.)
 */
final class BootstrapSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long[] weights;
  private final long[] costCents;
  private final long[] completions;

  private BootstrapSums(int resamples) {
    weights = new long[resamples];
    costCents = new long[resamples];
    completions = new long[resamples];
  }

  /**
   * Per level, per resample b: {Σ w, Σ w·cost, Σ w·completed} over {@code discharged} (columns
   * level_of_care, episode_id, total_cost, completed).
   */
  static Map<String, double[][]> byLevel(Dataset<Row> discharged, int resamples, long seed) {
    HashedPoissonWeights draw = new HashedPoissonWeights(seed, resamples);
    Map<String, BootstrapSums> sums = discharged
        .select(col("level_of_care"), col("episode_id"),
            col("total_cost").cast(DataTypes.createDecimalType(18, 2)), col("completed"))
        .javaRDD()
        .mapPartitionsToPair(episodes -> ofPartition(episodes, draw))
        .reduceByKey(BootstrapSums::add)
        .collectAsMap();
    Map<String, double[][]> byLevel = new TreeMap<>();
    sums.forEach((level, levelSums) -> byLevel.put(level, levelSums.replicates()));
    return byLevel;
  }

  private static Iterator<Tuple2<String, BootstrapSums>> ofPartition(Iterator<Row> episodes,
      HashedPoissonWeights draw) {
    Map<String, BootstrapSums> byLevel = new HashMap<>();
    while (episodes.hasNext()) {
      Row episode = episodes.next();
      BigDecimal cost = episode.isNullAt(2) ? BigDecimal.ZERO : episode.getDecimal(2);
      boolean completed = !episode.isNullAt(3) && episode.getBoolean(3);
      byLevel.computeIfAbsent(episode.getString(0), level -> new BootstrapSums(draw.resamples()))
          .addEpisode(UTF8String.fromString(episode.getString(1)), cost.movePointRight(2).longValueExact(),
              completed, draw);
    }
    List<Tuple2<String, BootstrapSums>> perLevel = new ArrayList<>();
    byLevel.forEach((level, levelSums) -> perLevel.add(new Tuple2<>(level, levelSums)));
    return perLevel.iterator();
  }

  private void addEpisode(UTF8String episodeId, long cents, boolean completed, HashedPoissonWeights draw) {
    for (int b = 0; b < weights.length; b++) {
      int w = draw.weight(b, episodeId);
      if (w != 0) {
        weights[b] += w;
        costCents[b] = Math.addExact(costCents[b], Math.multiplyExact(cents, w));
        if (completed) {
          completions[b] += w;
        }
      }
    }
  }

  /** Adds another partition's sums into these. */
  private BootstrapSums add(BootstrapSums other) {
    for (int b = 0; b < weights.length; b++) {
      weights[b] += other.weights[b];
      costCents[b] = Math.addExact(costCents[b], other.costCents[b]);
      completions[b] += other.completions[b];
    }
    return this;
  }

  /** [b] = {Σ w, Σ w·cost, Σ w·completed}, the cost the double nearest the exact sum. */
  private double[][] replicates() {
    double[][] replicates = new double[weights.length][];
    for (int b = 0; b < weights.length; b++) {
      replicates[b] = new double[] {weights[b], BigDecimal.valueOf(costCents[b], 2).doubleValue(), completions[b]};
    }
    return replicates;
  }
}
