package org.iopoutcomes.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.EntitySchema;

/**
 * An input file as rows of strings: where each record came from, the record as it was read, why it
 * is malformed (if it is), and the contract's columns as untyped text, trimmed of spaces, tabs and
 * line ends, with an empty value as missing (null). Typing and validation come after, in
 * {@link RowValidation}, the same way for every format.
 */
public final class RawRecords {

  public static final String BATCH = "batch";
  public static final String ENTITY = "entity";
  public static final String SOURCE_FILE = "source_file";
  public static final String RECORD_NUMBER = "record_number";
  public static final String RAW_RECORD = "raw_record";
  public static final String MALFORMED = "malformed";

  /** Rule ids of records that cannot be split into fields. */
  public static final String INVALID_UTF8 = "record.invalid_utf8";
  public static final String FIELD_COUNT = "record.field_count";
  public static final String NOT_JSON_OBJECT = "record.not_json_object";

  private RawRecords() {}

  public static StructType schema(EntitySchema entity) {
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField(BATCH, DataTypes.StringType, false),
        DataTypes.createStructField(ENTITY, DataTypes.StringType, false),
        DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
        DataTypes.createStructField(RECORD_NUMBER, DataTypes.LongType, false),
        DataTypes.createStructField(RAW_RECORD, DataTypes.StringType, true),
        DataTypes.createStructField(MALFORMED, DataTypes.StringType, true)));
    for (String column : entity.columnNames()) {
      fields.add(DataTypes.createStructField(column, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /** Reads one file of the batch; {@code header} is what {@link FileHeader} found in it. */
  public static Dataset<Row> read(SparkSession spark, SourceFile file, EntitySchema entity, List<String> header) {
    return switch (file.format()) {
      case CSV -> fromLines(spark, file, entity, new CsvRecordParser(file, entity, header));
      case JSON_LINES -> fromLines(spark, file, entity, new JsonRecordParser(file, entity));
      case PARQUET -> ParquetRecords.read(spark, file, entity);
    };
  }

  private static Dataset<Row> fromLines(SparkSession spark, SourceFile file, EntitySchema entity,
      RecordParser parser) {
    return spark.createDataFrame(
        TextLines.read(spark, file.path()).filter(parser::isRecord).map(parser::toRow),
        schema(entity));
  }

  /** Builds the row of one record: the metadata, then one value per contract column. */
  static Row row(SourceFile file, long number, String raw, String malformed, Object[] values) {
    Object[] cells = new Object[6 + values.length];
    cells[0] = file.batch();
    cells[1] = file.entity();
    cells[2] = file.path();
    cells[3] = number;
    cells[4] = raw;
    cells[5] = malformed;
    for (int i = 0; i < values.length; i++) {
      cells[6 + i] = values[i] == null ? null : trimmedOrNull(values[i].toString());
    }
    return RowFactory.create(cells);
  }

  /** The characters a value is trimmed of, at both ends. */
  static final String BLANKS = " \t\r\n";

  /**
   * The value without blanks at either end, or null when nothing is left. Done here, in plain Java,
   * because Spark's trim with a set of characters costs more than parsing the line.
   */
  static String trimmedOrNull(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && BLANKS.indexOf(value.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && BLANKS.indexOf(value.charAt(end - 1)) >= 0) {
      end--;
    }
    return start == end ? null : value.substring(start, end);
  }

  /** Turns a line of a text file into a record row. */
  interface RecordParser extends java.io.Serializable {
    boolean isRecord(TextLines.Line line);

    Row toRow(TextLines.Line line);
  }
}
