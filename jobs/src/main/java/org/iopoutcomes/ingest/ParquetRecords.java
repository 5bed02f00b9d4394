package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.contract.EntitySchema;

/**
 * The records of a Parquet file, numbered from 1 in file order (Parquet's row index). Each
 * contract column is cast to text, so that a value of the wrong type (a number where a date
 * belongs) fails the same type rule as in a CSV file; the whole record is kept as JSON.
 */
final class ParquetRecords {

  private ParquetRecords() {}

  static Dataset<Row> read(SparkSession spark, SourceFile file, EntitySchema entity) {
    Dataset<Row> parquet = spark.read().parquet(file.path());
    List<String> present = Arrays.stream(parquet.columns()).map(String::toLowerCase).toList();
    List<Column> columns = new ArrayList<>(List.of(
        lit(file.batch()).as(RawRecords.BATCH),
        lit(file.entity()).as(RawRecords.ENTITY),
        lit(file.path()).as(RawRecords.SOURCE_FILE),
        col("_metadata.row_index").plus(1).cast(DataTypes.LongType).as(RawRecords.RECORD_NUMBER),
        to_json(struct(Arrays.stream(parquet.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new)))
            .as(RawRecords.RAW_RECORD),
        lit(null).cast(DataTypes.StringType).as(RawRecords.MALFORMED)));
    for (String column : entity.columnNames()) {
      columns.add(present.contains(column)
          ? trimmedOrNull(col("`" + column + "`").cast(DataTypes.StringType)).as(column)
          : lit(null).cast(DataTypes.StringType).as(column));
    }
    return parquet.select(columns.toArray(Column[]::new));
  }

  /** As {@link RawRecords#trimmedOrNull}, in Spark: Parquet values never pass through Java. */
  private static Column trimmedOrNull(Column text) {
    Column trimmed = trim(text, RawRecords.BLANKS);
    return when(trimmed.notEqual(""), trimmed);
  }
}
