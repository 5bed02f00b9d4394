package org.iopoutcomes.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.iopoutcomes.contract.TableColumn;

/**
 * One value of a gold table column as a plain Java value, whatever produced it (DuckDB, Spark, a
 * CSV file): counts as {@link Long}, money as {@link BigDecimal} with two places, rates and hours as
 * {@link Double}, labels as {@link String}. The column's type in {@code schemas/gold/} decides.
 */
final class GoldValues {

  /** How a column is compared. */
  enum Kind { COUNT, MONEY, RATE, TEXT }

  private GoldValues() {}

  static Kind kind(TableColumn column) {
    String type = column.type().toLowerCase();
    if (type.equals("bigint") || type.equals("int") || type.equals("integer")) {
      return Kind.COUNT;
    }
    if (type.startsWith("decimal")) {
      return Kind.MONEY;
    }
    if (type.equals("double")) {
      return Kind.RATE;
    }
    return Kind.TEXT;
  }

  static Object of(TableColumn column, Object value) {
    if (value == null) {
      return null;
    }
    return switch (kind(column)) {
      case COUNT -> value instanceof BigInteger big ? big.longValueExact() : ((Number) value).longValue();
      case MONEY -> new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
      case RATE -> ((Number) value).doubleValue();
      case TEXT -> value.toString();
    };
  }

  /** A value written as text (an empty field is null). */
  static Object parse(TableColumn column, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return switch (kind(column)) {
      case COUNT -> Long.parseLong(text);
      case MONEY -> new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
      case RATE -> Double.parseDouble(text);
      case TEXT -> text;
    };
  }
}
