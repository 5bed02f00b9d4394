package org.iopoutcomes.privacy;

import static org.iopoutcomes.privacy.Cubes.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iopoutcomes.privacy.Attacker.Cell;
import org.junit.jupiter.api.Test;

/**
 * The attacker of {@link SuppressionAttackTest} finds what it should: without complements its
 * subtraction recovers small cells; its linear algebra and its bounds find what subtraction alone
 * cannot. (An attacker that never finds anything would prove nothing.)
 */
class AttackerTest {

  private static final List<String> KEYS = List.of("level", "payer");

  @Test
  void subtractionRecoversSmallCellsThatOnlyPrimarySuppressionHides() {
    Random random = new Random(7);
    int recovered = 0;
    for (int i = 0; i < 50; i++) {
      RandomCube cube = RandomCube.generate(random);
      List<Map<String, Object>> view = primaryOnly(cube);
      Attacker attacker = new Attacker(cube.keys, cube.rules, view, cube.rows, 11);
      recovered += attacker.leaks(attacker.subtract()).size();
    }
    assertTrue(recovered > 100, "subtraction recovered only " + recovered + " small cells");
  }

  @Test
  void linearAlgebraFindsACellJoiningTwoRingsOfHiddenCells() {
    // Every line hides 0, 2 or 3 cells, so subtraction finds nothing; but (l1, p3) joins the ring
    // l1-l2 × p1-p2 to the ring l3-l4 × p3-p4: rows l1 + l2 minus columns p1 + p2 leave it alone.
    List<Map<String, Object>> rows = Cubes.twoWay(new long[][] {
        {3, 4, 2, 30}, {5, 6, 40, 50}, {60, 70, 7, 8}, {80, 90, 9, 3}});
    List<Map<String, Object>> view = hide(rows, new String[][] {
        {"l1", "p1"}, {"l1", "p2"}, {"l2", "p1"}, {"l2", "p2"}, {"l3", "p3"}, {"l3", "p4"}, {"l4", "p3"},
        {"l4", "p4"}, {"l1", "p3"}});
    Attacker attacker = new Attacker(KEYS, Cubes.countOnly("level", "payer"), view, rows, 11);
    assertEquals(Set.of(), attacker.subtract());
    assertEquals(Set.of(new Cell(find(rows, "level", "l1", "payer", "p3"), "n")), attacker.linearAlgebra());
  }

  @Test
  void boundsPinTwoHiddenOnesUnderAShownTotal() {
    List<Map<String, Object>> rows = Cubes.twoWay(new long[][] {{1, 1, 40}});
    // The payer total of p1 and p2 equal their only cell: hide those too, so that only the level
    // relation ties them: n(l1, p1) + n(l1, p2) = 42 − 40 = 2, and hidden counts are at least 1.
    List<Map<String, Object>> view = hide(rows, new String[][] {
        {"l1", "p1"}, {"l1", "p2"}, {"all", "p1"}, {"all", "p2"}});
    Attacker attacker = new Attacker(KEYS, Cubes.countOnly("level", "payer"), view, rows, 11);
    assertEquals(Set.of(), attacker.subtract());
    assertEquals(Set.of(), attacker.linearAlgebra());
    assertEquals(4, attacker.leaks(attacker.bounds()).size(), "both ones, and their payer totals, pinned");
  }

  /** The view primary suppression alone would give: small counts, their sums and dependents null. */
  private static List<Map<String, Object>> primaryOnly(RandomCube cube) {
    List<Map<String, Object>> view = new ArrayList<>();
    for (Map<String, Object> row : cube.rows) {
      Map<String, Object> shown = new LinkedHashMap<>(row);
      for (String count : List.of("n", "a", "b")) {
        long value = (Long) row.get(count);
        if (value >= 1 && value < 11) {
          shown.put(count, null);
        }
      }
      if (shown.get("n") == null) {
        shown.put("money", null);
        shown.put("money_per", null);
      }
      if (shown.get("a") == null || shown.get("n") == null) {
        shown.put("rate_a", null);
      }
      shown.put("share", null);
      view.add(shown);
    }
    return view;
  }

  private static List<Map<String, Object>> hide(List<Map<String, Object>> rows, String[][] cells) {
    List<Map<String, Object>> view = new ArrayList<>();
    rows.forEach(r -> view.add(new LinkedHashMap<>(r)));
    for (String[] cell : cells) {
      view.get(find(rows, "level", cell[0], "payer", cell[1])).put("n", null);
    }
    return view;
  }
}
