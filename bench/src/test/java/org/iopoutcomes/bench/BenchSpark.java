package org.iopoutcomes.bench;

import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.pipeline.SparkSessions;

/**
 * The one SparkSession of the bench's test JVM, built as the jobs build theirs: local, two cores, two
 * shuffle partitions, Delta enabled, logging at WARN. Tests share it; none stops it.
 */
final class BenchSpark {

  private static SparkSession spark;

  private BenchSpark() {}

  static synchronized SparkSession get() {
    if (spark == null) {
      spark = SparkSessions.local(SparkSessions.builder("outcomes bench tests"), 2)
          .master("local[2]")
          .config("spark.default.parallelism", "2")
          .config("spark.sql.warehouse.dir", BenchFixtures.tempDir("warehouse").toString())
          .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }
}
