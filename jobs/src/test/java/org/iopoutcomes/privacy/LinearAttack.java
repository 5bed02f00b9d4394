package org.iopoutcomes.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopoutcomes.privacy.Attacker.Cell;

/**
 * Gaussian elimination of all equations in the unknown cells, modulo the prime 2^61 − 1 (the
 * coefficients are ±1, so no rank is lost to the modulus in practice). An unknown is determined
 * when the reduced system holds a row with it alone.
 */
final class LinearAttack {

  private static final long P = (1L << 61) - 1;

  private final List<Map<Cell, Integer>> equations;
  private final Set<Cell> unknown;

  LinearAttack(List<Map<Cell, Integer>> equations, Set<Cell> unknown) {
    this.equations = equations;
    this.unknown = unknown;
  }

  Set<Cell> determined() {
    Map<Cell, Integer> index = new HashMap<>();
    List<Cell> cells = new ArrayList<>(unknown);
    cells.forEach(cell -> index.put(cell, index.size()));
    List<Map<Integer, Long>> reduced = new ArrayList<>();
    Map<Integer, Map<Integer, Long>> pivots = new HashMap<>();
    for (Map<Cell, Integer> equation : equations) {
      Map<Integer, Long> row = new HashMap<>();
      equation.forEach((cell, c) -> {
        if (index.containsKey(cell)) {
          row.merge(index.get(cell), mod(c), (a, b) -> (a + b) % P);
        }
      });
      row.values().removeIf(v -> v == 0);
      for (Integer column : new ArrayList<>(row.keySet())) {
        if (pivots.containsKey(column) && row.containsKey(column)) {
          subtract(row, pivots.get(column), row.get(column));
        }
      }
      if (!row.isEmpty()) {
        int pivot = row.keySet().iterator().next();
        scale(row, inverse(row.get(pivot)));
        for (Map<Integer, Long> other : reduced) {
          if (other.containsKey(pivot)) {
            subtract(other, row, other.get(pivot));
          }
        }
        reduced.add(row);
        pivots.put(pivot, row);
      }
    }
    Set<Cell> determined = new LinkedHashSet<>();
    for (Map<Integer, Long> row : reduced) {
      if (row.size() == 1) {
        determined.add(cells.get(row.keySet().iterator().next()));
      }
    }
    return determined;
  }

  /** row −= factor × pivotRow, where pivotRow has 1 at its pivot. */
  private static void subtract(Map<Integer, Long> row, Map<Integer, Long> pivotRow, long factor) {
    pivotRow.forEach((column, v) -> row.merge(column, (P - mulmod(v, factor)) % P, (a, b) -> (a + b) % P));
    row.values().removeIf(v -> v == 0);
  }

  private static void scale(Map<Integer, Long> row, long factor) {
    row.replaceAll((column, v) -> mulmod(v, factor));
  }

  private static long mod(long v) {
    return ((v % P) + P) % P;
  }

  /** a × b mod 2^61 − 1, from the 128-bit product (2^64 ≡ 8). */
  private static long mulmod(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    long sum = (high << 3) + (low & P) + (low >>> 61);
    sum = (sum & P) + (sum >>> 61);
    return sum >= P ? sum - P : sum;
  }

  private static long inverse(long a) {
    return BigInteger.valueOf(a).modInverse(BigInteger.valueOf(P)).longValueExact();
  }
}
