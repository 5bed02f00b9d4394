package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.facts.TouchedEpisodes;
import org.iopoutcomes.lake.Lake;

/**
 * The silver tables: one Delta table per input entity holding its accepted, typed rows, merged by
 * key so that a later batch with the same key corrects the earlier row. Each row remembers the
 * batch, file and record it came from and the run that loaded it.
 */
public final class SilverTables {

  public static final String RUN_ID = "run_id";

  private final SparkSession spark;
  private final Lake lake;

  public SilverTables(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** The Spark schema of an entity's silver table, derived from its contract. */
  public static StructType schema(EntitySchema entity) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : entity.columns()) {
      fields.add(DataTypes.createStructField(column.name(), sparkType(column), !column.required()));
    }
    fields.add(DataTypes.createStructField(RawRecords.BATCH, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(RawRecords.SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(RawRecords.RECORD_NUMBER, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
    return DataTypes.createStructType(fields);
  }

  static DataType sparkType(ColumnSpec column) {
    return switch (column.type()) {
      case "string", "code" -> DataTypes.StringType;
      case "date" -> DataTypes.DateType;
      case "integer" -> DataTypes.IntegerType;
      case "boolean" -> DataTypes.BooleanType;
      case "decimal" -> DataTypes.createDecimalType(column.precision(), column.scale());
      default -> throw new IllegalStateException("column " + column.name() + " has unknown type " + column.type());
    };
  }

  /** The entity's silver rows (none yet where no batch has brought any). */
  public Dataset<Row> read(EntitySchema entity) {
    return lake.readOrEmpty(lake.silver(entity.entity()), schema(entity));
  }

  /** Inserts the accepted rows of a batch, replacing rows with the same key. */
  public void merge(EntitySchema entity, Dataset<Row> accepted, String runId) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema(entity).fields()) {
      columns.add(field.name().equals(RUN_ID) ? lit(runId).as(RUN_ID) : col(field.name()).cast(field.dataType()));
    }
    Dataset<Row> rows = accepted.select(columns.toArray(Column[]::new));
    String path = lake.silver(entity.entity());
    if (!lake.exists(path)) {
      // Created by its first write, in one commit. Row-level changes are recorded from the start (a
      // "delta." write option becomes a property of the new table): they tell later runs which episodes
      // to recompute.
      rows.write().format("delta").option(TouchedEpisodes.CHANGE_DATA_FEED, "true").mode("append").save(path);
      return;
    }
    String keyMatch = entity.key().stream()
        .map(k -> "silver." + k + " = batch." + k)
        .collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, path).as("silver")
        .merge(rows.as("batch"), keyMatch)
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }
}
