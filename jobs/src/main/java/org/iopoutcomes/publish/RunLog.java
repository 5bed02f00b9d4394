package org.iopoutcomes.publish;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.lake.Lake;

/** The run log table: one row appended per run, succeeded or failed. */
public final class RunLog {

  /** What one run did, as the run log records it. */
  public record Entry(String runId, Instant startedAt, Instant endedAt, LocalDate asOf, String status,
      String message, String codeVersion, List<FileCount> inputs, List<String> tablesWritten,
      Map<String, Long> tableVersions, String factsRefresh, Long episodesRecomputed) {}

  /**
   * What the last succeeded run left: its id, cut-off, end, code version, the version of every table
   * and its per-file counts.
   */
  public record Succeeded(String runId, LocalDate asOf, Instant endedAt, String codeVersion,
      Map<String, Long> tableVersions, List<FileCount> inputs) {}

  private final SparkSession spark;
  private final Lake lake;
  private final Contract contract;

  public RunLog(SparkSession spark, Lake lake, Contract contract) {
    this.spark = spark;
    this.lake = lake;
    this.contract = contract;
  }

  public void append(Entry entry) {
    List<Row> inputs = entry.inputs().stream()
        .map(f -> RowFactory.create(f.batch(), f.entity(), f.sourceFile(), f.format(), f.rowsRead(),
            f.rowsAccepted(), f.rowsQuarantined()))
        .toList();
    Row row = RowFactory.create(entry.runId(), Timestamp.from(entry.startedAt()), Timestamp.from(entry.endedAt()),
        entry.asOf() == null ? null : Date.valueOf(entry.asOf()), entry.status(), entry.message(),
        entry.codeVersion(), inputs, entry.tablesWritten(), entry.tableVersions(), entry.factsRefresh(),
        entry.episodesRecomputed());
    spark.createDataFrame(List.of(row), contract.table("run_log").sparkSchema())
        .write().format("delta").mode("append").option("mergeSchema", "true").save(lake.runLog());
  }

  /**
   * The table versions of the last run that succeeded: what a reader should read for a consistent
   * picture, even while a later run is writing or after one was killed half-way. Empty before the
   * first successful run.
   */
  public Map<String, Long> lastSucceededVersions() {
    return lastSucceeded().map(Succeeded::tableVersions).orElse(Map.of());
  }

  /** The last run that succeeded, if any. */
  public Optional<Succeeded> lastSucceeded() {
    if (!lake.exists(lake.runLog())) {
      return Optional.empty();
    }
    List<Row> last = lake.read(lake.runLog())
        .filter(col("status").equalTo("succeeded").and(col("table_versions").isNotNull()))
        .orderBy(col("ended_at").desc())
        .limit(1)
        .select("run_id", "as_of", "ended_at", "code_version", "table_versions", "inputs")
        .collectAsList();
    return last.stream().findFirst().map(row -> new Succeeded(row.getString(0),
        row.isNullAt(1) ? null : row.getDate(1).toLocalDate(), row.isNullAt(2) ? null : row.getTimestamp(2).toInstant(),
        row.getString(3), row.getJavaMap(4), row.isNullAt(5) ? List.of() : inputs(row.getList(5))));
  }

  private static List<FileCount> inputs(List<Row> inputs) {
    return inputs.stream()
        .map(input -> new FileCount(input.getAs("batch"), input.getAs("entity"), input.getAs("source_file"),
            input.getAs("format"), input.<Long>getAs("rows_read"), input.<Long>getAs("rows_accepted"),
            input.<Long>getAs("rows_quarantined")))
        .toList();
  }
}
