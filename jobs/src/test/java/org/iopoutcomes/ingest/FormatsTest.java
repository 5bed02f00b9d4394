package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample's sessions as CSV, JSON Lines and Parquet give the same typed rows, the same broken
 * rules, and record numbers that point at the same record (CSV line n+1 = JSON line n = Parquet
 * record n).
 */
class FormatsTest {

  private static final Path SAMPLES = Path.of("..", "data-samples");
  private static final EntitySchema SESSIONS = Contract.load().entity("sessions");

  @ParameterizedTest(name = "{0}")
  @CsvSource({"formats/sessions.jsonl, JSON_LINES", "formats/sessions.parquet, PARQUET"})
  void sameRowsAsTheCsv(String file, SourceFile.Format format) {
    Dataset<Row> csv = validated(new SourceFile("sample", "sessions",
        SAMPLES.resolve("sample/sessions.csv").toAbsolutePath().toString(), SourceFile.Format.CSV), -1);
    Dataset<Row> other = validated(new SourceFile("sample", "sessions",
        SAMPLES.resolve(file).toAbsolutePath().toString(), format), 0);
    assertEquals(3422, other.count(), "every record read");
    DataFrameAssertions.assertSameRows(csv, other, 0.0);
  }

  /** The validated rows without where they came from, records numbered from 1. */
  private static Dataset<Row> validated(SourceFile file, int recordOffset) {
    List<String> header = FileHeader.check(SparkTestSession.get(), file, Contract.load());
    Dataset<Row> raw = RawRecords.read(SparkTestSession.get(), file, SESSIONS, header);
    Map<String, Dataset<Row>> noReferences = Map.of();
    Dataset<Row> rows = RowValidation.validate(raw, SESSIONS, Contract.load(), noReferences);
    List<Column> columns = new java.util.ArrayList<>();
    columns.add(col(RawRecords.RECORD_NUMBER).plus(recordOffset).as("record"));
    SESSIONS.columnNames().forEach(c -> columns.add(col(c)));
    columns.add(col(RowValidation.BROKEN_RULES).cast("string").as("rules"));
    return rows.select(columns.toArray(Column[]::new));
  }
}
