package org.iopoutcomes.privacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iopoutcomes.contract.SuppressionRules;

/**
 * Someone who sees a dashboard view, knows how the table is built (its keys, which dimensions add
 * up, how a row's total splits into parts, which columns are computed from which) and tries to work
 * out what is hidden. Written apart from the suppression code: every equation comes from the rules
 * and the view alone. Three attacks, each at least as strong as the one before:
 * <ol>
 *   <li>{@link #subtract()}: in any relation with one unknown, total minus shown children (or the sum
 *       of the children); a shown rate, ratio or share gives away what it is computed from; repeated
 *       with everything recovered until nothing changes;</li>
 *   <li>{@link #bounds()}: counts are never negative and a hidden count is at least 1 (zeros are never
 *       hidden); bounds are narrowed relation by relation until a hidden value is pinned;</li>
 *   <li>{@link #linearAlgebra()}: Gaussian elimination over all equations (modulo a large prime):
 *       any combination of relations that isolates a hidden value.</li>
 * </ol>
 * What it learns is checked against {@link #leaks}: a hidden (null) count or sum, or a remainder
 * (a count never shown) from 1 to min_cell_size − 1.
 */
final class Attacker {

  /** A value of a row: a count, remainder or sum. */
  record Cell(int row, String measure) {}

  private static final Pattern OTHER_ROW = Pattern.compile("(\\w+)\\[(\\w+)=([^\\]]+)\\]");

  private final List<String> keys;
  private final SuppressionRules rules;
  private final List<Map<String, Object>> view;
  private final List<Map<String, Object>> truth;
  private final int minCellSize;
  final Map<Cell, BigDecimal> known = new LinkedHashMap<>();
  final Set<Cell> unknown = new LinkedHashSet<>();
  /** Each equation: Σ coefficient × cell = 0. */
  final List<Map<Cell, Integer>> equations = new ArrayList<>();

  Attacker(List<String> keys, SuppressionRules rules, List<Map<String, Object>> view,
      List<Map<String, Object>> truth, int minCellSize) {
    this.keys = keys;
    this.rules = rules;
    this.view = view;
    this.truth = truth;
    this.minCellSize = minCellSize;
    List<String> shown = new ArrayList<>(rules.counts().keySet());
    shown.addAll(rules.sums().keySet());
    for (int row = 0; row < view.size(); row++) {
      for (String measure : shown) {
        Object value = view.get(row).get(measure);
        if (value == null) {
          unknown.add(new Cell(row, measure));
        } else {
          known.put(new Cell(row, measure), new BigDecimal(String.valueOf(value)));
        }
      }
      for (String remainder : rules.remainders().keySet()) {
        unknown.add(new Cell(row, remainder));
      }
    }
    additiveEquations();
    partitionEquations();
  }

  /** Subtraction and dependents, repeated with what they recover; returns the cells recovered. */
  Set<Cell> subtract() {
    Set<Cell> recovered = new LinkedHashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map<Cell, Integer> equation : equations) {
        List<Cell> open = equation.keySet().stream().filter(unknown::contains).toList();
        if (open.size() == 1) {
          Cell cell = open.get(0);
          BigDecimal sum = BigDecimal.ZERO;
          for (Map.Entry<Cell, Integer> term : equation.entrySet()) {
            if (!term.getKey().equals(cell)) {
              sum = sum.add(known.get(term.getKey()).multiply(BigDecimal.valueOf(term.getValue())));
            }
          }
          learn(cell, sum.negate().multiply(BigDecimal.valueOf(equation.get(cell))), recovered);
          changed = true;
        }
      }
      changed |= fromDependents(recovered);
    }
    return recovered;
  }

  /** Unknown counts whose bounds meet, after narrowing; run after {@link #subtract()}. */
  Set<Cell> bounds() {
    return new BoundsAttack(this, countMeasures()).pinned();
  }

  /** Unknown cells that some combination of the equations isolates; run after {@link #subtract()}. */
  Set<Cell> linearAlgebra() {
    return new LinearAttack(equations, unknown).determined();
  }

  /** The recovered cells that should not have been: hidden values, and small remainders. */
  List<String> leaks(Set<Cell> recovered) {
    List<String> leaks = new ArrayList<>();
    for (Cell cell : recovered) {
      boolean remainder = rules.remainders().containsKey(cell.measure());
      long value = remainder ? remainder(cell) : 0;
      if (!remainder || (value >= 1 && value < minCellSize)) {
        Object shown = remainder ? value : truth.get(cell.row()).get(cell.measure());
        leaks.add(cell + " = " + shown + " in " + view.get(cell.row()));
      }
    }
    return leaks;
  }

  boolean isHiddenCount(Cell cell) {
    return rules.counts().containsKey(cell.measure()) && view.get(cell.row()).get(cell.measure()) == null;
  }

  Set<String> countMeasures() {
    Set<String> counts = new LinkedHashSet<>(rules.counts().keySet());
    counts.addAll(rules.remainders().keySet());
    return counts;
  }

  private void learn(Cell cell, BigDecimal value, Set<Cell> recovered) {
    unknown.remove(cell);
    known.put(cell, value);
    recovered.add(cell);
  }

  /** A shown dependent gives away every value it is computed from (the strongest reading of a rate). */
  private boolean fromDependents(Set<Cell> recovered) {
    boolean changed = false;
    for (int row = 0; row < view.size(); row++) {
      for (Map.Entry<String, List<String>> dependent : rules.dependents().entrySet()) {
        if (view.get(row).get(dependent.getKey()) != null) {
          for (String source : dependent.getValue()) {
            Cell cell = source(row, source);
            if (cell != null && unknown.contains(cell)) {
              learn(cell, trueValue(cell), recovered);
              changed = true;
            }
          }
        }
      }
    }
    return changed;
  }

  private Cell source(int row, String text) {
    Matcher other = OTHER_ROW.matcher(text);
    if (!other.matches()) {
      return new Cell(row, text);
    }
    for (int candidate = 0; candidate < view.size(); candidate++) {
      Object value = view.get(candidate).get(other.group(2));
      if (sameKeysBut(row, candidate, other.group(2)) && other.group(3).equals(String.valueOf(value))) {
        return new Cell(candidate, other.group(1));
      }
    }
    return null;
  }

  private BigDecimal trueValue(Cell cell) {
    if (rules.remainders().containsKey(cell.measure())) {
      return BigDecimal.valueOf(remainder(cell));
    }
    return new BigDecimal(String.valueOf(truth.get(cell.row()).get(cell.measure())));
  }

  private long remainder(Cell cell) {
    SuppressionRules.Remainder remainder = rules.remainders().get(cell.measure());
    Map<String, Object> row = truth.get(cell.row());
    long value = ((Number) row.get(remainder.total())).longValue();
    for (String part : remainder.parts()) {
      value -= ((Number) row.get(part)).longValue();
    }
    return value;
  }

  private void additiveEquations() {
    Map<String, List<String>> additive = new LinkedHashMap<>();
    rules.counts().forEach((name, count) -> additive.put(name, count.additiveOver()));
    rules.sums().forEach((name, sum) -> additive.put(name, sum.additiveOver()));
    rules.remainders().forEach((name, remainder) -> {
      List<String> dims = new ArrayList<>(additive.get(remainder.total()));
      remainder.parts().forEach(p -> dims.retainAll(additive.get(p)));
      additive.put(name, dims);
    });
    additive.forEach((measure, dims) -> dims.forEach(dim -> along(measure, dim)));
  }

  /** For each group of rows equal in every key but dim: the all row minus the others = 0. */
  private void along(String measure, String dim) {
    Map<List<String>, Map<Cell, Integer>> byGroup = new HashMap<>();
    for (int row = 0; row < view.size(); row++) {
      List<String> group = new ArrayList<>();
      for (String key : keys) {
        group.add(key.equals(dim) ? "*" : String.valueOf(view.get(row).get(key)));
      }
      boolean total = "all".equals(String.valueOf(view.get(row).get(dim)));
      byGroup.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(new Cell(row, measure), total ? 1 : -1);
    }
    byGroup.values().stream().filter(e -> e.containsValue(1)).forEach(equations::add);
  }

  private void partitionEquations() {
    for (int row = 0; row < view.size(); row++) {
      for (Map.Entry<String, SuppressionRules.Remainder> remainder : rules.remainders().entrySet()) {
        Map<Cell, Integer> equation = new LinkedHashMap<>();
        equation.put(new Cell(row, remainder.getValue().total()), 1);
        for (String part : remainder.getValue().parts()) {
          equation.put(new Cell(row, part), -1);
        }
        equation.put(new Cell(row, remainder.getKey()), -1);
        equations.add(equation);
      }
    }
  }

  private boolean sameKeysBut(int a, int b, String except) {
    for (String key : keys) {
      if (!key.equals(except) && !String.valueOf(view.get(a).get(key)).equals(String.valueOf(view.get(b).get(key)))) {
        return false;
      }
    }
    return true;
  }
}
