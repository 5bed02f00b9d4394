package org.iopoutcomes.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields by RFC 4180: comma-separated, a field may be enclosed in double
 * quotes, and a double quote inside a quoted field is written twice. A record must stay on one
 * line, so a quote left open at the end of the line makes the line malformed.
 */
public final class CsvLine {

  /** The fields of a line, or why it could not be split. */
  public record Parsed(List<String> fields, String error) {
    public boolean malformed() {
      return error != null;
    }
  }

  public static final String UNBALANCED_QUOTE = "record.unbalanced_quote";

  private CsvLine() {}

  public static Parsed parse(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '"' && field.toString().isBlank() && !fieldWasQuoted) {
        // An opening quote; white space before it is not part of the value.
        field.setLength(0);
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == '"') {
        return new Parsed(List.of(), UNBALANCED_QUOTE);
      } else {
        field.append(c);
      }
      i++;
    }
    if (quoted) {
      return new Parsed(List.of(), UNBALANCED_QUOTE);
    }
    fields.add(field.toString());
    return new Parsed(fields, null);
  }
}
