package org.iopoutcomes.pipeline;

import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built. The master is not set here: spark-submit sets it on a
 * cluster, and the command line's launcher sets {@code local[*]} when nothing else did.
 */
public final class SparkSessions {

  private SparkSessions() {}

  public static SparkSession.Builder builder(String appName) {
    return SparkSession.builder()
        .appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // Dates are exact: "2024-02-30" is not a date, and no legacy parser second-guesses that.
        .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC");
  }

  /**
   * Settings for a command inside this JVM when no cluster manager was named: the shuffle partitions
   * of each run are sized to its input ({@link ShufflePartitions}).
   */
  public static SparkSession.Builder local(SparkSession.Builder builder) {
    return local(builder, ShufflePartitions.MIN).config(ShufflePartitions.SETTING, ShufflePartitions.SIZED);
  }

  /** Settings for a session inside this JVM with a fixed number of shuffle partitions (tests). */
  public static SparkSession.Builder local(SparkSession.Builder builder, int shufflePartitions) {
    return builder
        .master("local[*]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.databricks.delta.snapshotPartitions", "2")
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2");
  }
}
