package org.iopoutcomes.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where two computations of the gold tables disagree: every differing value and every row found on
 * one side only. Empty when they agree.
 *
 * @param left name of the first side (e.g. {@code duckdb})
 * @param right name of the second side (e.g. {@code spark})
 */
public record AgreementReport(String left, String right, List<Mismatch> mismatches, List<MissingRow> missingRows) {

  /** A value that differs: the table, the row's key, the column and both values. */
  public record Mismatch(String table, Map<String, Object> key, String column, Object leftValue, Object rightValue) {}

  /** A row (by its key) that only one side has; {@code presentIn} names that side. */
  public record MissingRow(String table, Map<String, Object> key, String presentIn) {}

  public AgreementReport {
    mismatches = List.copyOf(mismatches);
    missingRows = List.copyOf(missingRows);
  }

  public boolean agrees() {
    return mismatches.isEmpty() && missingRows.isEmpty();
  }

  /** This report and another of the same two sides, as one. */
  public AgreementReport and(AgreementReport other) {
    List<Mismatch> allMismatches = new ArrayList<>(mismatches);
    allMismatches.addAll(other.mismatches);
    List<MissingRow> allMissing = new ArrayList<>(missingRows);
    allMissing.addAll(other.missingRows);
    return new AgreementReport(left, right, allMismatches, allMissing);
  }

  /** One line per difference, e.g. {@code completion {level_of_care=all, ...} completion_rate: duckdb 0.5, spark 0.6}. */
  @Override
  public String toString() {
    if (agrees()) {
      return left + " and " + right + " agree";
    }
    StringBuilder text = new StringBuilder(left + " and " + right + " disagree: " + mismatches.size()
        + " value(s), " + missingRows.size() + " row(s) on one side only\n");
    for (Mismatch m : mismatches) {
      text.append(m.table()).append(' ').append(m.key()).append(' ').append(m.column()).append(": ")
          .append(left).append(' ').append(m.leftValue()).append(", ")
          .append(right).append(' ').append(m.rightValue()).append('\n');
    }
    for (MissingRow m : missingRows) {
      text.append(m.table()).append(' ').append(m.key()).append(": only in ").append(m.presentIn()).append('\n');
    }
    return text.toString();
  }
}
