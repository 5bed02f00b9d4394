package org.iopoutcomes.ingest;

import java.util.List;
import org.apache.spark.sql.Row;
import org.iopoutcomes.contract.EntitySchema;

/** The records of a CSV file: every line after the header that is not blank. */
final class CsvRecordParser implements RawRecords.RecordParser {

  private final SourceFile file;
  private final int headerSize;
  /** For each contract column, its position in the header, or -1 where the file lacks it. */
  private final int[] positions;

  CsvRecordParser(SourceFile file, EntitySchema entity, List<String> header) {
    this.file = file;
    this.headerSize = header.size();
    this.positions = entity.columnNames().stream().mapToInt(header::indexOf).toArray();
  }

  @Override
  public boolean isRecord(TextLines.Line line) {
    return line.number() > 1 && !line.isBlank();
  }

  @Override
  public Row toRow(TextLines.Line line) {
    Object[] values = new Object[positions.length];
    if (!line.validUtf8()) {
      return RawRecords.row(file, line.number(), line.text(), RawRecords.INVALID_UTF8, values);
    }
    CsvLine.Parsed parsed = CsvLine.parse(line.text());
    if (parsed.malformed()) {
      return RawRecords.row(file, line.number(), line.text(), parsed.error(), values);
    }
    if (parsed.fields().size() != headerSize) {
      return RawRecords.row(file, line.number(), line.text(), RawRecords.FIELD_COUNT, values);
    }
    for (int i = 0; i < positions.length; i++) {
      values[i] = positions[i] < 0 ? null : parsed.fields().get(positions[i]);
    }
    return RawRecords.row(file, line.number(), line.text(), null, values);
  }
}
