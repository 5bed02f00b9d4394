package org.iopoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Where the tables of a lake live. Person-level tables (silver rows and the quarantine) and
 * aggregates (gold tables) sit in separate folders, so access can be granted to one without the
 * other:
 * <pre>
 * lake/person_level/silver/&lt;entity&gt;   typed, accepted input rows, merged by key
 * lake/person_level/quarantine        rejected input rows with the rules they broke
 * lake/gold/&lt;table&gt;                  metric tables, full precision (analysts and researchers)
 * lake/dashboard/&lt;table&gt;             dashboard views of the gold tables: small counts hidden
 * lake/run_log                        one row per run
 * </pre>
 * The root may be any Hadoop file system URI (a local folder, s3a://, abfss://).
 */
public final class Lake {

  private final SparkSession spark;
  private final String root;
  private final CommitLog commits;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.commits = new CommitLog(spark.sparkContext().hadoopConfiguration());
  }

  public String root() {
    return root;
  }

  public String silver(String entity) {
    return root + "/person_level/silver/" + entity;
  }

  /** Each episode's facts up to the last run's cut-off (person-level). */
  public String episodeFacts() {
    return root + "/person_level/episode_facts";
  }

  public String quarantine() {
    return root + "/person_level/quarantine";
  }

  public String gold(String table) {
    return root + "/gold/" + table;
  }

  /** A gold table's dashboard view: small counts, and what would give them away, hidden. */
  public String dashboard(String table) {
    return root + "/dashboard/" + table;
  }

  public String runLog() {
    return root + "/run_log";
  }

  /** Whether the table has a commit (read from its log folder, without a Spark job). */
  public boolean exists(String tablePath) {
    return commits.latestVersion(tablePath).isPresent();
  }

  /** The table's current rows, or no rows of the given schema where the table does not exist yet. */
  public Dataset<Row> readOrEmpty(String tablePath, StructType schema) {
    return exists(tablePath)
        ? spark.read().format("delta").load(tablePath)
        : spark.createDataFrame(java.util.List.of(), schema);
  }

  /** The table's latest version number (from its log folder, without a Spark job). */
  public long version(String tablePath) {
    return commits.latestVersion(tablePath).orElseThrow(() -> new LakeException(tablePath
        + ": no such table in the lake (has a run written it yet?)"));
  }

  /** The rows the table's last commit wrote (Delta's numOutputRows), read from its log. */
  public long rowsWrittenByLastCommit(String tablePath) {
    String rows = commits.operationMetrics(tablePath, version(tablePath)).get("numOutputRows");
    if (rows == null) {
      throw new LakeException(tablePath + ": the last commit records no numOutputRows");
    }
    return Long.parseLong(rows);
  }

  /** The table as it was at a version. */
  public Dataset<Row> read(String tablePath, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(tablePath);
  }

  public Dataset<Row> read(String tablePath) {
    if (!exists(tablePath)) {
      throw new LakeException(tablePath + ": no such table in the lake (has a run written it yet?)");
    }
    return spark.read().format("delta").load(tablePath);
  }

  /** Whether the lake folder exists at all. */
  public boolean rootExists() {
    try {
      Path path = new Path(root);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at lake " + root, e);
    }
  }

  /** A lake table that is not there, or cannot be used as asked. */
  public static class LakeException extends RuntimeException {
    public LakeException(String message) {
      super(message);
    }
  }
}
