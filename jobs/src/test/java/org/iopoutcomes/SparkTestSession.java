package org.iopoutcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.metrics.MetricFunctions;
import org.iopoutcomes.pipeline.SparkSessions;

/**
 * The one SparkSession of the test JVM: local, two cores, two shuffle partitions, Delta enabled,
 * built the same way as the jobs' own session. Tests share it; none stops it.
 */
public final class SparkTestSession {

  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      spark = SparkSessions.local(SparkSessions.builder("outcomes tests"), 2)
          .master("local[2]")
          .config("spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.warehouse.dir", tempDir("warehouse").toString())
          .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      MetricFunctions.register(spark);
    }
    return spark;
  }

  /** A fresh temporary folder under target/, so that test output stays with the build. */
  public static Path tempDir(String prefix) {
    try {
      Path base = Path.of("target", "test-tmp");
      Files.createDirectories(base);
      return Files.createTempDirectory(base.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
