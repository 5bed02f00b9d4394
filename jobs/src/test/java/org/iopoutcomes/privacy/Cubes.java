package org.iopoutcomes.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.SuppressionRules;

/** Small hand-made tables for the suppression tests. */
final class Cubes {

  private Cubes() {}

  /** A row from pairs: "level", "l1", "n", 20L, ... */
  static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  /** Rules with one count n, additive over the given dimensions, and nothing else. */
  static SuppressionRules countOnly(String... additiveOver) {
    return new SuppressionRules(Map.of("n", new SuppressionRules.Count(List.of(additiveOver))), null, null, null);
  }

  /**
   * A two-way table of n over level × payer with every margin: {@code cells[i][j]} is (l{i+1},
   * p{j+1}); the all rows are the sums.
   */
  static List<Map<String, Object>> twoWay(long[][] cells) {
    List<Map<String, Object>> rows = new ArrayList<>();
    long[] payerTotals = new long[cells[0].length];
    long total = 0;
    for (int i = 0; i < cells.length; i++) {
      long levelTotal = 0;
      for (int j = 0; j < cells[i].length; j++) {
        if (cells[i][j] > 0) {
          rows.add(row("level", "l" + (i + 1), "payer", "p" + (j + 1), "n", cells[i][j]));
        }
        levelTotal += cells[i][j];
        payerTotals[j] += cells[i][j];
      }
      rows.add(row("level", "l" + (i + 1), "payer", "all", "n", levelTotal));
      total += levelTotal;
    }
    for (int j = 0; j < payerTotals.length; j++) {
      rows.add(row("level", "all", "payer", "p" + (j + 1), "n", payerTotals[j]));
    }
    rows.add(row("level", "all", "payer", "all", "n", total));
    return rows;
  }

  /** The index of the row with these key values. */
  static int find(List<Map<String, Object>> rows, Object... keyValues) {
    for (int r = 0; r < rows.size(); r++) {
      boolean matches = true;
      for (int i = 0; i < keyValues.length; i += 2) {
        matches &= String.valueOf(keyValues[i + 1]).equals(String.valueOf(rows.get(r).get((String) keyValues[i])));
      }
      if (matches) {
        return r;
      }
    }
    throw new IllegalArgumentException("no row " + List.of(keyValues));
  }
}
