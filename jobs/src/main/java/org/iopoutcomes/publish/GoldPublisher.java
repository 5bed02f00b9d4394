package org.iopoutcomes.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.lake.Lake;

/**
 * Writes a gold table to {@code <lake>/gold/<name>} exactly as its schema file declares it: the
 * columns in the schema's order and types, with as_of and run_id. A computed table that lacks a
 * declared column fails here, before anything is written. Each table is replaced in one Delta
 * commit, so readers see the previous version or the new one, never a mix.
 *
 * <p>A gold table is bounded by the size of its cube (hundreds to a few thousand rows, whatever the
 * number of episodes), so it is computed once into the driver and written from there: the rows are
 * then at hand for the dashboard views, which need not read the table back.
 */
public final class GoldPublisher {

  private final Lake lake;
  private final Contract contract;

  public GoldPublisher(Lake lake, Contract contract) {
    this.lake = lake;
    this.contract = contract;
  }

  /** The rows as the schema declares them, with as_of and run_id. */
  public Dataset<Row> conform(String table, Dataset<Row> computed, LocalDate asOf, String runId) {
    TableSchema schema = contract.table(table);
    List<String> available = Arrays.asList(computed.columns());
    List<Column> columns = new ArrayList<>();
    for (TableColumn column : schema.columns()) {
      DataType type = DataType.fromDDL(column.type());
      if (column.name().equals("as_of")) {
        columns.add(lit(Date.valueOf(asOf)).cast(type).as("as_of"));
      } else if (column.name().equals("run_id")) {
        columns.add(lit(runId).cast(type).as("run_id"));
      } else if (available.contains(column.name())) {
        columns.add(col(column.name()).cast(type).as(column.name()));
      } else {
        throw new IllegalStateException("gold table " + table + " computes no column " + column.name()
            + " (computed: " + String.join(", ", available) + ")");
      }
    }
    return computed.select(columns.toArray(Column[]::new));
  }

  /** A published table: its schema and the rows written. */
  public record Published(String table, StructType schema, List<Row> rows) {}

  /** Replaces the table with the rows, in one file (the right size for a cube); returns what was written. */
  public Published publish(String table, Dataset<Row> conformed) {
    List<Row> rows = conformed.collectAsList();
    SparkSession spark = conformed.sparkSession();
    spark.createDataFrame(rows, conformed.schema()).coalesce(1).write().format("delta").mode("overwrite")
        .option("overwriteSchema", "true").save(lake.gold(table));
    return new Published(table, conformed.schema(), rows);
  }
}
