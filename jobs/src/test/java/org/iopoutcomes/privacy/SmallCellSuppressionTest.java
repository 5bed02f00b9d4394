package org.iopoutcomes.privacy;

import static org.iopoutcomes.privacy.Cubes.find;
import static org.iopoutcomes.privacy.Cubes.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iopoutcomes.contract.SuppressionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Small hand-made cubes: which cells are hidden, and why. */
class SmallCellSuppressionTest {

  private static final List<String> LEVEL = List.of("level");
  private static final List<String> LEVEL_PAYER = List.of("level", "payer");

  /** l2 = 5 is small; the smallest other positive child is l3 = 12; the total stays. */
  private static final List<Map<String, Object>> ONE_WAY = List.of(
      row("level", "l1", "n", 30L), row("level", "l2", "n", 5L), row("level", "l3", "n", 12L),
      row("level", "l4", "n", 20L), row("level", "all", "n", 67L));

  @Test
  void aSmallCellAndItsComplementAreHiddenTheTotalIsShown() {
    SuppressedCells cells = suppress(LEVEL, Cubes.countOnly("level"), ONE_WAY, 11);
    assertEquals(Set.of("l2", "l3"), hiddenLevels(cells, ONE_WAY));
    assertTrue(cells.isPrimary(1, "n"), "l2 is small");
    assertFalse(cells.isPrimary(2, "n"), "l3 is a complement");
  }

  @Test
  void aZeroIsNeverAComplementAndAMissingRowIsAKnownZero() {
    // a(l1) = 0 is a row; l3 has no row. The complement of a(l2) = 3 must be a(l4) = 25.
    List<Map<String, Object>> rows = List.of(
        row("level", "l1", "n", 20L, "a", 0L), row("level", "l2", "n", 30L, "a", 3L),
        row("level", "l4", "n", 40L, "a", 25L), row("level", "all", "n", 90L, "a", 28L));
    SuppressionRules rules = new SuppressionRules(counts(List.of("level"), "n", "a"), null, null, null);
    SuppressedCells cells = suppress(LEVEL, rules, rows, 11);
    assertEquals(Set.of("a"), cells.hiddenColumns(1));
    assertEquals(Set.of("a"), cells.hiddenColumns(2));
    assertEquals(Set.of(), cells.hiddenColumns(0), "the zero stays shown");
    assertEquals(Set.of(), cells.hiddenColumns(3), "the total stays shown");
  }

  @Test
  void oneSmallCellOfATwoWayTableHidesARectangle() {
    List<Map<String, Object>> rows = Cubes.twoWay(new long[][] {{4, 20, 30}, {25, 40, 50}, {35, 45, 60}});
    SuppressedCells cells = suppress(LEVEL_PAYER, Cubes.countOnly("level", "payer"), rows, 11);
    Set<String> hidden = new TreeSet<>();
    for (int r = 0; r < rows.size(); r++) {
      if (cells.isHidden(r, "n")) {
        hidden.add(rows.get(r).get("level") + "/" + rows.get(r).get("payer"));
      }
    }
    // 4 is small; its smallest row neighbour is 20 and column neighbour 25, which close on 40.
    assertEquals(Set.of("l1/p1", "l1/p2", "l2/p1", "l2/p2"), hidden);
  }

  @Test
  void twoHiddenOnesUnderAShownTotalGetAThirdComplement() {
    // n(l1) + n(l2) = 42 − 40 = 2 and hidden counts are at least 1: both would be pinned to 1.
    List<Map<String, Object>> rows = List.of(
        row("level", "l1", "n", 1L), row("level", "l2", "n", 1L), row("level", "l3", "n", 40L),
        row("level", "all", "n", 42L));
    SuppressedCells cells = suppress(LEVEL, Cubes.countOnly("level"), rows, 11);
    assertEquals(Set.of("l1", "l2", "l3"), hiddenLevels(cells, rows));
  }

  @Test
  void aSmallRemainderHidesAPartAndTheRatesOfTheRow() {
    // 40 discharged, 37 completed, 0 dropped out: 3 left otherwise. Showing 37 of 40 would give the 3 away.
    Map<String, Object> counts = row("n", 40L, "a", 37L, "b", 0L, "rate_a", 37 / 40.0);
    List<Map<String, Object>> rows = List.of(withLevel("l1", counts), withLevel("all", counts));
    SuppressionRules rules = new SuppressionRules(counts(List.of("level"), "n", "a", "b"),
        Map.of("rest", new SuppressionRules.Remainder("n", List.of("a", "b"), null)), null,
        Map.of("rate_a", List.of("a", "n")));
    SuppressedCells cells = suppress(LEVEL, rules, rows, 11);
    assertEquals(Set.of("a", "rate_a"), cells.hiddenColumns(0));
    assertEquals(Set.of("a", "rate_a"), cells.hiddenColumns(1));
    assertEquals(null, cells.view().get(0).get("rate_a"));
    assertEquals(40L, cells.view().get(0).get("n"));
  }

  @Test
  void windowsNeverCombine() {
    List<Map<String, Object>> rows = List.of(
        row("level", "l1", "window", 30, "n", 20L), row("level", "l2", "window", 30, "n", 4L),
        row("level", "l3", "window", 30, "n", 15L), row("level", "all", "window", 30, "n", 39L),
        row("level", "l1", "window", 60, "n", 12L), row("level", "l2", "window", 60, "n", 0L),
        row("level", "l3", "window", 60, "n", 14L), row("level", "all", "window", 60, "n", 26L));
    SuppressedCells cells = suppress(List.of("level", "window"), Cubes.countOnly("level"), rows, 11);
    for (int r = 0; r < rows.size(); r++) {
      boolean expected = r == 1 || r == 2;
      assertEquals(expected, cells.isHidden(r, "n"), "row " + rows.get(r));
    }
  }

  @ParameterizedTest(name = "min_cell_size {0} hides {1}")
  @CsvSource({"1, ''", "5, ''", "6, l2 l3", "11, l2 l3", "13, l2 l3", "21, l2 l3 l4", "31, l1 l2 l3 l4",
      "68, l1 l2 l3 l4 all"})
  void theThresholdIsConfigurable(int minCellSize, String hidden) {
    SuppressedCells cells = suppress(LEVEL, Cubes.countOnly("level"), ONE_WAY, minCellSize);
    Set<String> expected = hidden.isEmpty() ? Set.of() : Set.of(hidden.split(" "));
    assertEquals(expected, hiddenLevels(cells, ONE_WAY));
    assertEquals(minCellSize, cells.view().get(0).get(SuppressedCells.MIN_CELL_SIZE));
  }

  @Test
  void theSameRowsInAnotherOrderGiveTheSameView() {
    Random random = new Random(5);
    for (int i = 0; i < 30; i++) {
      RandomCube cube = RandomCube.generate(random);
      List<Map<String, Object>> shuffled = new ArrayList<>(cube.rows);
      Collections.shuffle(shuffled, random);
      assertEquals(byKey(cube, suppress(cube.keys, cube.rules, cube.rows, 11).view()),
          byKey(cube, suppress(cube.keys, cube.rules, shuffled, 11).view()), "cube " + i);
    }
  }

  @Test
  void theThresholdIsAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> new SmallCellSuppression(LEVEL, Cubes.countOnly("level"), 0));
  }

  @Test
  void aDimensionThatDoesNotAddUpIsRefused() {
    List<Map<String, Object>> rows = List.of(row("level", "l1", "n", 20L), row("level", "all", "n", 25L));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> suppress(LEVEL, Cubes.countOnly("level"), rows, 11));
    assertTrue(refused.getMessage().contains("additive_over"), refused.getMessage());
  }

  @Test
  void theAuditFindsTheCellJoiningTwoRings() {
    List<Map<String, Object>> rows = Cubes.twoWay(new long[][] {
        {3, 4, 2, 30}, {5, 6, 40, 50}, {60, 70, 7, 8}, {80, 90, 9, 3}});
    CubeCells cells = CubeCells.of(new SuppressionPlan(LEVEL_PAYER, Cubes.countOnly("level", "payer")), rows);
    BitSet hidden = new BitSet();
    for (String[] cell : new String[][] {{"l1", "p1"}, {"l1", "p2"}, {"l2", "p1"}, {"l2", "p2"}, {"l3", "p3"},
        {"l3", "p4"}, {"l4", "p3"}, {"l4", "p4"}, {"l1", "p3"}}) {
      hidden.set(cells.cell(cells.position[find(rows, "level", cell[0], "payer", cell[1])], "n"));
    }
    BitSet bridge = new BitSet();
    bridge.set(cells.cell(cells.position[find(rows, "level", "l1", "payer", "p3")], "n"));
    assertEquals(bridge, LinearAudit.determined(Relations.of(cells), hidden));
  }

  private static SuppressedCells suppress(List<String> keys, SuppressionRules rules, List<Map<String, Object>> rows,
      int minCellSize) {
    return new SmallCellSuppression(keys, rules, minCellSize).apply(rows);
  }

  private static Map<String, Map<String, Object>> byKey(RandomCube cube, List<Map<String, Object>> view) {
    Map<String, Map<String, Object>> byKey = new TreeMap<>();
    view.forEach(row -> byKey.put(cube.keys.stream().map(k -> String.valueOf(row.get(k))).toList().toString(), row));
    return byKey;
  }

  private static Set<String> hiddenLevels(SuppressedCells cells, List<Map<String, Object>> rows) {
    Set<String> hidden = new TreeSet<>();
    for (int r = 0; r < rows.size(); r++) {
      if (cells.isHidden(r, "n")) {
        hidden.add((String) rows.get(r).get("level"));
      }
    }
    return hidden;
  }

  private static Map<String, SuppressionRules.Count> counts(List<String> additiveOver, String... names) {
    Map<String, SuppressionRules.Count> counts = new LinkedHashMap<>();
    for (String name : names) {
      counts.put(name, new SuppressionRules.Count(additiveOver));
    }
    return counts;
  }

  private static Map<String, Object> withLevel(String level, Map<String, Object> values) {
    Map<String, Object> row = new LinkedHashMap<>(Map.of("level", level));
    row.putAll(values);
    return row;
  }
}
