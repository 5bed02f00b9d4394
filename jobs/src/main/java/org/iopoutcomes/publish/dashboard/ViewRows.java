package org.iopoutcomes.publish.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iopoutcomes.contract.SuppressionRules;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.privacy.SuppressedCells;

/**
 * The rows of one dashboard view, as plain values, with what the page needs to tell a hidden value
 * from one that is not defined. In a view a count or sum is null only when it is hidden; a rate or
 * cost is null either because something it is computed from is hidden (shown as "&lt;11") or because
 * its denominator is 0 or it has too few episodes (shown as "n/a").
 */
public record ViewRows(TableSchema schema, List<Map<String, Object>> rows) {

  public ViewRows {
    rows = List.copyOf(rows);
  }

  public String table() {
    return schema.table();
  }

  /** The rows whose columns have the given values (pairs of column, value). */
  public List<Map<String, Object>> where(String... columnValues) {
    List<Map<String, Object>> matching = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      boolean matches = true;
      for (int i = 0; i < columnValues.length; i += 2) {
        matches &= Objects.equals(String.valueOf(row.get(columnValues[i])), columnValues[i + 1]);
      }
      if (matches) {
        matching.add(row);
      }
    }
    return matching;
  }

  /** The one row with the given values, if there is one. */
  public Optional<Map<String, Object>> row(String... columnValues) {
    List<Map<String, Object>> matching = where(columnValues);
    if (matching.size() > 1) {
      throw new IllegalStateException(table() + ": " + matching.size() + " rows for " + String.join(",", columnValues));
    }
    return matching.stream().findFirst();
  }

  /** The distinct values of a column, in the order the rows hold them. */
  public List<String> values(String column) {
    Set<String> values = new LinkedHashSet<>();
    rows.forEach(row -> values.add(String.valueOf(row.get(column))));
    return new ArrayList<>(values);
  }

  /** Whether the row's value of the column is hidden by suppression (not merely undefined). */
  public boolean isHidden(Map<String, Object> row, String column) {
    if (row.get(column) != null || !Boolean.TRUE.equals(row.get(SuppressedCells.SUPPRESSED))) {
      return false;
    }
    SuppressionRules rules = schema.suppression();
    if (rules.counts().containsKey(column) || rules.sums().containsKey(column)) {
      return true;
    }
    List<String> inputs = rules.dependents().get(column);
    if (inputs == null) {
      return false;
    }
    for (String input : inputs) {
      // "amount[payer=all]" names a value of another row, hidden only if that row's is: the row is
      // suppressed and nothing else explains the null, so it counts as hidden.
      if (input.contains("[") || row.containsKey(input) && isHidden(row, input)) {
        return true;
      }
    }
    return false;
  }

  /** The threshold in force: the smallest count the view shows. */
  public int minCellSize() {
    return rows.stream().map(row -> row.get(SuppressedCells.MIN_CELL_SIZE)).filter(Objects::nonNull)
        .map(value -> ((Number) value).intValue()).findFirst().orElse(0);
  }
}
