package org.iopoutcomes.publish;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
      String message, String codeVersion, List<FileCount> inputs, List<String> tablesWritten) {}

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
        entry.codeVersion(), inputs, entry.tablesWritten());
    spark.createDataFrame(List.of(row), contract.table("run_log").sparkSchema())
        .write().format("delta").mode("append").save(lake.runLog());
  }
}
