package org.iopoutcomes.cli;

import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.pipeline.SparkSessions;

/**
 * The SparkSession of a command. Under spark-submit the master and settings come from it; run
 * directly (bin/outcomes, java -jar) the embedded default is local Spark on every core.
 */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession start(String appName) {
    SparkSession.Builder builder = SparkSessions.builder(appName);
    if (System.getProperty("spark.master") == null) {
      builder = SparkSessions.local(builder);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
