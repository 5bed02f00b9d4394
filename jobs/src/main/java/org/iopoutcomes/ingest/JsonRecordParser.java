package org.iopoutcomes.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.iopoutcomes.contract.EntitySchema;

/**
 * The records of a JSON Lines file: one JSON object a line. Keys are matched to the contract's
 * columns case-insensitively; a missing key or a JSON null is a missing value. Numbers and
 * booleans are taken as the text they are written as, and typed later like CSV fields.
 */
final class JsonRecordParser implements RawRecords.RecordParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceFile file;
  private final String[] columns;

  JsonRecordParser(SourceFile file, EntitySchema entity) {
    this.file = file;
    this.columns = entity.columnNames().toArray(String[]::new);
  }

  @Override
  public boolean isRecord(TextLines.Line line) {
    return !line.isBlank();
  }

  @Override
  public Row toRow(TextLines.Line line) {
    Object[] values = new Object[columns.length];
    if (!line.validUtf8()) {
      return RawRecords.row(file, line.number(), line.text(), RawRecords.INVALID_UTF8, values);
    }
    JsonNode record;
    try {
      record = JSON.readTree(line.text());
    } catch (JsonProcessingException e) {
      record = null;
    }
    if (record == null || !record.isObject()) {
      return RawRecords.row(file, line.number(), line.text(), RawRecords.NOT_JSON_OBJECT, values);
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      int position = indexOf(field.getKey().trim().toLowerCase());
      if (position >= 0 && !field.getValue().isNull()) {
        JsonNode value = field.getValue();
        values[position] = value.isValueNode() ? value.asText() : value.toString();
      }
    }
    return RawRecords.row(file, line.number(), line.text(), null, values);
  }

  private int indexOf(String key) {
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
