package org.iopoutcomes.privacy;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopoutcomes.privacy.Attacker.Cell;

/**
 * Interval narrowing over the count equations: a known count is its value, a hidden count is at
 * least 1, a remainder at least 0, and in Σ c·x = 0 each unknown lies within what the others allow.
 * Repeated until nothing narrows; an unknown whose interval is one number is given away.
 */
final class BoundsAttack {

  private final Attacker attacker;
  private final List<Map<Cell, Integer>> equations;
  private final Map<Cell, double[]> range = new HashMap<>();

  BoundsAttack(Attacker attacker, Set<String> counts) {
    this.attacker = attacker;
    this.equations = attacker.equations.stream()
        .filter(e -> e.keySet().stream().allMatch(c -> counts.contains(c.measure()))).toList();
    for (Map<Cell, Integer> equation : equations) {
      for (Cell cell : equation.keySet()) {
        range.computeIfAbsent(cell, this::initial);
      }
    }
  }

  Set<Cell> pinned() {
    for (int pass = 0; pass < 10_000 && narrowAll(); pass++) {
      // narrow again
    }
    Set<Cell> pinned = new LinkedHashSet<>();
    range.forEach((cell, r) -> {
      if (attacker.unknown.contains(cell) && r[0] == r[1]) {
        pinned.add(cell);
      }
    });
    return pinned;
  }

  private double[] initial(Cell cell) {
    if (attacker.known.containsKey(cell)) {
      double value = attacker.known.get(cell).doubleValue();
      return new double[] {value, value};
    }
    return new double[] {attacker.isHiddenCount(cell) ? 1 : 0, Double.POSITIVE_INFINITY};
  }

  private boolean narrowAll() {
    boolean changed = false;
    for (Map<Cell, Integer> equation : equations) {
      for (Cell cell : equation.keySet()) {
        if (attacker.unknown.contains(cell)) {
          changed |= narrow(equation, cell);
        }
      }
    }
    return changed;
  }

  /** c·x = −Σ others: x within the range of −Σ others / c. */
  private boolean narrow(Map<Cell, Integer> equation, Cell cell) {
    double low = 0;
    double high = 0;
    for (Map.Entry<Cell, Integer> term : equation.entrySet()) {
      if (!term.getKey().equals(cell)) {
        double[] r = range.get(term.getKey());
        int c = term.getValue();
        low -= c > 0 ? r[1] * c : r[0] * c;
        high -= c > 0 ? r[0] * c : r[1] * c;
      }
    }
    int own = equation.get(cell);
    double from = own > 0 ? low / own : high / own;
    double to = own > 0 ? high / own : low / own;
    double[] r = range.get(cell);
    boolean changed = false;
    if (from > r[0]) {
      r[0] = from;
      changed = true;
    }
    if (to < r[1]) {
      r[1] = to;
      changed = true;
    }
    return changed;
  }
}
