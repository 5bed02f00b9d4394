package org.iopoutcomes.publish.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the page writes the views' values: counts with thousands separators, rates as percentages with
 * one decimal, money in whole dollars; a hidden value as "&lt;11" (the threshold in force), an undefined
 * one as "n/a". Nothing hidden is ever written as a number or left blank.
 */
final class Figures {

  static final String UNDEFINED = "n/a";

  private final int minCellSize;

  Figures(int minCellSize) {
    this.minCellSize = minCellSize;
  }

  String hidden() {
    return "<" + minCellSize;
  }

  String count(Object value) {
    return String.format(Locale.US, "%,d", ((Number) value).longValue());
  }

  String rate(Object value) {
    return String.format(Locale.US, "%.1f%%", ((Number) value).doubleValue() * 100);
  }

  String money(Object value) {
    BigDecimal dollars = new BigDecimal(value.toString()).setScale(0, RoundingMode.HALF_UP);
    return (dollars.signum() < 0 ? "−$" : "$") + String.format(Locale.US, "%,d", dollars.abs().longValueExact());
  }

  String hours(Object value) {
    return String.format(Locale.US, "%,.1f", ((Number) value).doubleValue());
  }

  /** The value in the column's kind, decided by its name and type. */
  String format(String column, String type, Object value) {
    if (type.startsWith("decimal")) {
      return money(value);
    }
    if (type.equals("bigint") || type.equals("int")) {
      return count(value);
    }
    if (column.endsWith("_hours")) {
      return hours(value);
    }
    return rate(value);
  }
}
