package org.iopoutcomes.privacy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iopoutcomes.contract.SuppressionRules;

/**
 * A random table made the way the gold tables are: from unit records (episodes), rolled up with
 * {@code all} over level × component × payer, and sometimes per window (as retention is). Counts n
 * (the population), a and b (two disjoint outcomes, so n = a + b + rest), money (a sum that can be
 * negative), and a rate, a money ratio and a share computed from them. The component is additive
 * in some cubes (each unit has one, as invitations do) and not in others (a unit is exposed to
 * several, and {@code all} holds the unexposed too). Dimensions are skewed, so most cells are small.
 */
final class RandomCube {

  static final String ALL = "all";

  final List<String> keys;
  final SuppressionRules rules;
  final List<Map<String, Object>> rows;
  final boolean componentAdditive;
  final int windows;

  private RandomCube(List<String> keys, SuppressionRules rules, List<Map<String, Object>> rows,
      boolean componentAdditive, int windows) {
    this.keys = keys;
    this.rules = rules;
    this.rows = rows;
    this.componentAdditive = componentAdditive;
    this.windows = windows;
  }

  /** One unit record: where it falls, what happened, what it cost, in which windows it counts. */
  private record Unit(String level, String payer, Set<String> components, int outcome, BigDecimal money,
      boolean[] eligible) {}

  static RandomCube generate(Random random) {
    boolean additive = random.nextBoolean();
    int windows = random.nextInt(3) == 0 ? 2 : 1;
    int units = 3 + random.nextInt(random.nextBoolean() ? 40 : 300);
    int levels = 2 + random.nextInt(4);
    int payers = 2 + random.nextInt(5);
    int components = 1 + random.nextInt(4);
    double pA = random.nextDouble();
    double pB = random.nextDouble() * (1 - pA);
    List<Unit> records = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      records.add(unit(random, levels, payers, components, additive, pA, pB, windows));
    }
    List<String> keys = windows > 1 ? List.of("level", "component", "payer", "window")
        : List.of("level", "component", "payer");
    return new RandomCube(keys, rules(additive), rollUp(records, windows), additive, windows);
  }

  private static Unit unit(Random random, int levels, int payers, int components, boolean additive,
      double pA, double pB, int windows) {
    Set<String> exposed = new LinkedHashSet<>();
    if (additive) {
      exposed.add("c" + skewed(random, components));
    } else {
      for (int c = 0; c < components; c++) {
        if (random.nextDouble() < 0.5) {
          exposed.add("c" + c);
        }
      }
    }
    double u = random.nextDouble();
    int outcome = u < pA ? 0 : u < pA + pB ? 1 : 2;
    BigDecimal money = BigDecimal.valueOf(random.nextInt(60_000) - 5_000, 2);
    boolean[] eligible = new boolean[windows];
    for (int w = 0; w < windows; w++) {
      eligible[w] = w == 0 || random.nextDouble() < 0.6;
    }
    return new Unit("l" + skewed(random, levels), "p" + skewed(random, payers), exposed, outcome, money, eligible);
  }

  /** 0 most often, then 1, ...: a few large groups and a tail of small ones. */
  private static int skewed(Random random, int size) {
    return Math.min(size - 1, (int) (-Math.log(1 - random.nextDouble()) * size / 2.5));
  }

  private static List<Map<String, Object>> rollUp(List<Unit> units, int windows) {
    Map<List<String>, Map<String, Object>> cells = new LinkedHashMap<>();
    for (Unit unit : units) {
      List<String> components = new ArrayList<>(unit.components());
      components.add(ALL);
      for (String level : List.of(unit.level(), ALL)) {
        for (String payer : List.of(unit.payer(), ALL)) {
          for (String component : components) {
            for (int w = 0; w < windows; w++) {
              add(cells, windows > 1 ? List.of(level, component, payer, String.valueOf(30 * (w + 1)))
                  : List.of(level, component, payer), unit, unit.eligible()[w]);
            }
          }
        }
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(cells.values());
    rows.forEach(row -> derive(row, cells));
    return rows;
  }

  private static void add(Map<List<String>, Map<String, Object>> cells, List<String> key, Unit unit, boolean counts) {
    Map<String, Object> row = cells.computeIfAbsent(key, k -> {
      Map<String, Object> fresh = new LinkedHashMap<>();
      fresh.put("level", k.get(0));
      fresh.put("component", k.get(1));
      fresh.put("payer", k.get(2));
      if (k.size() > 3) {
        fresh.put("window", Integer.valueOf(k.get(3)));
      }
      fresh.put("n", 0L);
      fresh.put("a", 0L);
      fresh.put("b", 0L);
      fresh.put("money", BigDecimal.ZERO.setScale(2));
      return fresh;
    });
    if (counts) {
      row.merge("n", 1L, (x, y) -> (Long) x + (Long) y);
      if (unit.outcome() < 2) {
        row.merge(unit.outcome() == 0 ? "a" : "b", 1L, (x, y) -> (Long) x + (Long) y);
      }
      row.merge("money", unit.money(), (x, y) -> ((BigDecimal) x).add((BigDecimal) y));
    }
  }

  /** The rate, money ratio and share, as the gold tables compute theirs. */
  private static void derive(Map<String, Object> row, Map<List<String>, Map<String, Object>> cells) {
    long n = (Long) row.get("n");
    BigDecimal money = (BigDecimal) row.get("money");
    row.put("rate_a", n == 0 ? null : (double) (Long) row.get("a") / n);
    row.put("money_per", n == 0 ? null : money.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
    List<String> allPayers = new ArrayList<>(List.of((String) row.get("level"), (String) row.get("component"), ALL));
    if (row.containsKey("window")) {
      allPayers.add(String.valueOf(row.get("window")));
    }
    BigDecimal total = (BigDecimal) cells.get(allPayers).get("money");
    row.put("share", total.signum() == 0 ? null : money.doubleValue() / total.doubleValue());
  }

  private static SuppressionRules rules(boolean componentAdditive) {
    List<String> additive = componentAdditive ? List.of("level", "component", "payer") : List.of("level", "payer");
    SuppressionRules.Count count = new SuppressionRules.Count(additive);
    Map<String, SuppressionRules.Count> counts = new LinkedHashMap<>();
    List.of("n", "a", "b").forEach(c -> counts.put(c, count));
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    dependents.put("rate_a", List.of("a", "n"));
    dependents.put("money_per", List.of("money", "n"));
    dependents.put("share", List.of("money", "money[payer=all]"));
    return new SuppressionRules(counts,
        Map.of("rest", new SuppressionRules.Remainder("n", List.of("a", "b"), "n minus a and b")),
        Map.of("money", new SuppressionRules.Sum(additive, List.of("n"))), dependents);
  }

  int countCells() {
    return rows.size() * 3;
  }
}
