package org.iopoutcomes.publish;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;

/**
 * Writes one table of the lake as a single CSV file with a header row and nulls as empty fields,
 * for spreadsheets, notebooks and reviewers. A list of codes becomes one field joined by "; ";
 * other nested values become JSON. Rows come sorted by the table's keys. The file appears whole
 * or not at all: it is written beside its destination and moved into place.
 */
public final class CsvExport {

  private final SparkSession spark;
  private final Lake lake;
  private final Contract contract;

  public CsvExport(SparkSession spark, Lake lake, Contract contract) {
    this.spark = spark;
    this.lake = lake;
    this.contract = contract;
  }

  /** The tables that can be exported: gold tables, quarantine, run_log, and silver by entity name. */
  public List<String> tableNames() {
    List<String> names = new ArrayList<>(contract.goldTableNames());
    names.addAll(contract.nationalTableNames());
    DashboardViews.dashboardTables(contract).forEach(t -> names.add("dashboard_" + t));
    names.add("quarantine");
    names.add("run_log");
    contract.entityOrder().forEach(e -> names.add("silver_" + e));
    return names;
  }

  /**
   * Exports the table as the last succeeded run left it (the version its run log row names), so an
   * export never shows a run that is still writing or was killed half-way; the run log itself, and a
   * table no succeeded run has named yet, as they are now.
   */
  public long export(String table, String outFile) {
    Long version = table.equals("run_log") ? null : new RunLog(spark, lake, contract).lastSucceededVersions().get(table);
    Dataset<Row> current = version == null ? lake.read(path(table)) : lake.read(path(table), version);
    Dataset<Row> rows = flatten(current);
    List<String> keys = keys(table);
    if (!keys.isEmpty()) {
      rows = rows.orderBy(keys.stream().map(k -> col(k)).toArray(Column[]::new));
    }
    Path out = new Path(outFile);
    Path staging = new Path(out.getParent() == null ? new Path(".") : out.getParent(),
        "." + out.getName() + "." + UUID.randomUUID());
    rows.coalesce(1).write().option("header", "true").option("nullValue", "").csv(staging.toString());
    moveSinglePart(staging, out);
    return current.count();
  }

  private String path(String table) {
    if (contract.goldTableNames().contains(table) || contract.nationalTableNames().contains(table)) {
      return lake.gold(table);
    }
    if (table.startsWith("dashboard_") && DashboardViews.dashboardTables(contract).contains(table.substring(10))) {
      return lake.dashboard(table.substring("dashboard_".length()));
    }
    if (table.startsWith("silver_") && contract.isEntity(table.substring("silver_".length()))) {
      return lake.silver(table.substring("silver_".length()));
    }
    return switch (table) {
      case "quarantine" -> lake.quarantine();
      case "run_log" -> lake.runLog();
      default -> throw new Lake.LakeException("no table named '" + table + "' (tables: "
          + String.join(", ", tableNames()) + ")");
    };
  }

  private List<String> keys(String table) {
    if (table.startsWith("silver_")) {
      return contract.entity(table.substring("silver_".length())).key();
    }
    if (table.startsWith("dashboard_")) {
      return contract.table(table.substring("dashboard_".length())).keys();
    }
    return contract.table(table).keys();
  }

  private static Dataset<Row> flatten(Dataset<Row> table) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : table.schema().fields()) {
      Column column = col(field.name());
      if (field.dataType() instanceof ArrayType array && array.elementType().equals(DataTypes.StringType)) {
        column = array_join(column, "; ");
      } else if (!(field.dataType() instanceof org.apache.spark.sql.types.AtomicType)) {
        column = to_json(column);
      }
      columns.add(column.as(field.name()));
    }
    return table.select(columns.toArray(Column[]::new));
  }

  private void moveSinglePart(Path staging, Path out) {
    try {
      FileSystem fs = staging.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path part = null;
      for (FileStatus file : fs.listStatus(staging)) {
        if (file.getPath().getName().startsWith("part-")) {
          part = file.getPath();
        }
      }
      if (part == null) {
        throw new IllegalStateException("the export wrote no part file in " + staging);
      }
      fs.delete(out, false);
      if (!fs.rename(part, out)) {
        throw new IOException("cannot move " + part + " to " + out);
      }
      fs.delete(staging, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }
}
