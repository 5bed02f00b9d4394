package org.iopoutcomes.privacy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.iopoutcomes.privacy.Relations.Relation;

/**
 * Which hidden cells the relations give away by linear algebra: every relation, with the shown cells
 * moved to the constant side, is an equation in the hidden cells; a hidden cell is given away when
 * some combination of the equations leaves it alone. Subtraction along one relation is the simplest
 * such combination; this finds every other too (for example a hidden cell joining two closed rings
 * of hidden cells in a two-way table, although every line of the table hides two cells or none).
 *
 * <p>Exact Gauss–Jordan elimination over the integers (fraction-free, rows kept sparse): a hidden
 * cell is determined exactly when the reduced equations hold a row with it alone.
 */
final class LinearAudit {

  private LinearAudit() {}

  static BitSet determined(Relations relations, BitSet hidden) {
    Map<Integer, TreeMap<Integer, BigInteger>> pivotRows = new HashMap<>();
    for (Relation relation : relations.all()) {
      TreeMap<Integer, BigInteger> row = equation(relation, hidden);
      reduce(row, pivotRows);
      if (!row.isEmpty()) {
        int pivot = row.firstKey();
        for (TreeMap<Integer, BigInteger> other : pivotRows.values()) {
          if (other.containsKey(pivot)) {
            eliminate(other, row, pivot);
          }
        }
        pivotRows.put(pivot, row);
      }
    }
    BitSet determined = new BitSet();
    pivotRows.forEach((pivot, row) -> {
      if (row.size() == 1) {
        determined.set(pivot);
      }
    });
    return determined;
  }

  /** total − children = 0, in the hidden cells only (the shown ones are known numbers). */
  private static TreeMap<Integer, BigInteger> equation(Relation relation, BitSet hidden) {
    TreeMap<Integer, BigInteger> row = new TreeMap<>();
    if (hidden.get(relation.total())) {
      row.merge(relation.total(), BigInteger.ONE, BigInteger::add);
    }
    for (int child : relation.children()) {
      if (hidden.get(child)) {
        row.merge(child, BigInteger.ONE.negate(), BigInteger::add);
      }
    }
    row.values().removeIf(v -> v.signum() == 0);
    return row;
  }

  /** Removes every pivot column from the row. */
  private static void reduce(TreeMap<Integer, BigInteger> row, Map<Integer, TreeMap<Integer, BigInteger>> pivotRows) {
    boolean changed = true;
    while (changed && !row.isEmpty()) {
      changed = false;
      for (Integer column : new ArrayList<>(row.keySet())) {
        TreeMap<Integer, BigInteger> pivotRow = pivotRows.get(column);
        if (pivotRow != null && row.containsKey(column)) {
          eliminate(row, pivotRow, column);
          changed = true;
        }
      }
    }
  }

  /** target := target × p − pivotRow × t at the column, so that it drops out; then divided by the gcd. */
  private static void eliminate(TreeMap<Integer, BigInteger> target, TreeMap<Integer, BigInteger> pivotRow,
      int column) {
    BigInteger t = target.get(column);
    BigInteger p = pivotRow.get(column);
    if (!p.equals(BigInteger.ONE)) {
      target.replaceAll((c, v) -> v.multiply(p));
    }
    pivotRow.forEach((c, v) -> target.merge(c, v.multiply(t).negate(), BigInteger::add));
    target.values().removeIf(v -> v.signum() == 0);
    normalize(target);
  }

  private static void normalize(TreeMap<Integer, BigInteger> row) {
    BigInteger gcd = BigInteger.ZERO;
    for (BigInteger v : row.values()) {
      gcd = gcd.gcd(v);
      if (gcd.equals(BigInteger.ONE)) {
        break;
      }
    }
    if (gcd.signum() == 0) {
      return;
    }
    BigInteger divisor = row.firstEntry().getValue().signum() < 0 ? gcd.negate() : gcd;
    if (!divisor.equals(BigInteger.ONE)) {
      row.replaceAll((c, v) -> v.divide(divisor));
    }
  }
}
