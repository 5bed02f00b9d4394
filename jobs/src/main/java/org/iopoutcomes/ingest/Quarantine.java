package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;

/**
 * The quarantine table: every rejected row with its batch, file, record number, raw record and the
 * rules it broke. A batch's rows are replaced as a whole when the batch is read again, so a re-run
 * neither duplicates them nor keeps rows a fixed file no longer has.
 */
public final class Quarantine {

  private final Lake lake;
  private final Contract contract;

  public Quarantine(Lake lake, Contract contract) {
    this.lake = lake;
    this.contract = contract;
  }

  /** Replaces the batch's quarantined rows with {@code rejected} (rows of {@link RowValidation}). */
  public void replaceBatch(String batch, Dataset<Row> rejected, String runId) {
    Column[] columns = contract.table("quarantine").columns().stream()
        .map(c -> c.name().equals("run_id") ? lit(runId).as("run_id") : col(c.name()))
        .toArray(Column[]::new);
    Dataset<Row> rows = rejected.select(columns);
    String path = lake.quarantine();
    if (!lake.exists(path)) {
      rows.write().format("delta").mode("append").save(path);
      return;
    }
    rows.write().format("delta").mode("overwrite")
        .option("replaceWhere", "batch = '" + batch.replace("'", "''") + "'")
        .save(path);
  }
}
