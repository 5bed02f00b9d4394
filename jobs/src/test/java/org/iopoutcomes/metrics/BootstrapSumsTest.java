package org.iopoutcomes.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 900 discharged episodes, 225 in each of four levels, costs from −20.00 to 2,479.99 (the negative
 * ones net of adjustments), two in five completed, and ids short, non-ASCII and longer than 32 bytes.
 */
class BootstrapSumsTest {

  private static final int RESAMPLES = 1000;
  private static final long SEED = 7L;
  private static Dataset<Row> discharged;

  @BeforeAll
  static void episodes() {
    discharged = syntheticEpisodes(900);
  }

  /** Discharged episodes as the facts give them: level_of_care, episode_id, total_cost decimal(18,2), completed. */
  static Dataset<Row> syntheticEpisodes(long count) {
    return SparkTestSession.get().range(count).selectExpr(
        "element_at(array('intensive_outpatient', 'outpatient', 'residential', 'partial_hospitalization'), "
            + "CAST(id % 4 + 1 AS INT)) AS level_of_care",
        "CASE id % 3 WHEN 0 THEN concat('e', id) WHEN 1 THEN concat('épisode-', id) "
            + "ELSE concat('provider-0042-episode-with-a-long-key-', id) END AS episode_id",
        "CAST((id * 7919 % 250000 - 2000) / 100 AS DECIMAL(18, 2)) AS total_cost",
        "id * 13 % 5 < 2 AS completed");
  }

  @Test
  void sameSumsAsOneRowPerEpisodeAndResample() {
    Map<String, double[][]> expected = ExplodedBootstrap.byLevel(discharged, RESAMPLES, SEED);
    Map<String, double[][]> actual = BootstrapSums.byLevel(discharged, RESAMPLES, SEED);
    assertEquals(expected.keySet(), actual.keySet(), "levels");
    expected.forEach((level, replicates) -> {
      for (int b = 0; b < RESAMPLES; b++) {
        double[] want = replicates[b];
        double[] got = actual.get(level)[b];
        String where = level + ", resample " + b;
        assertEquals(want[0], got[0], 0.0, "Σ w is an integer and exact: " + where);
        assertEquals(want[1], got[1], 1e-12 * Math.abs(want[1]), "Σ w·cost to 1e-12 relative: " + where);
        assertEquals(want[2], got[2], 0.0, "Σ w·completed is an integer and exact: " + where);
      }
    });
  }

  @Test
  void sameSumsBitForBitWhateverThePartitioning() {
    Map<String, double[][]> onePartition = BootstrapSums.byLevel(discharged.repartition(1), RESAMPLES, SEED);
    Map<String, double[][]> sevenPartitions = BootstrapSums.byLevel(discharged.repartition(7), RESAMPLES, SEED);
    assertEquals(onePartition.keySet(), sevenPartitions.keySet(), "levels");
    onePartition.forEach((level, replicates) -> {
      for (int b = 0; b < RESAMPLES; b++) {
        assertArrayEquals(replicates[b], sevenPartitions.get(level)[b], level + ", resample " + b);
      }
    });
  }

  @Test
  void eachResampleHoldsAboutAsManyEpisodesAsTheLevel() {
    double[][] outpatient = BootstrapSums.byLevel(discharged, RESAMPLES, SEED).get("outpatient");
    double meanWeight = 0;
    for (double[] replicate : outpatient) {
      meanWeight += replicate[0] / RESAMPLES;
    }
    // 225 outpatient episodes, each weighted Poisson(1): Σ w has mean 225 and sd 15, its mean over 1000 resamples sd 0.5.
    assertEquals(225.0, meanWeight, 2.0, "mean Σ w over the resamples");
  }
}
