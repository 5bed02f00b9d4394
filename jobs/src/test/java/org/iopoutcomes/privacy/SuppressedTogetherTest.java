package org.iopoutcomes.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.iopoutcomes.contract.SuppressionRules;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.junit.jupiter.api.Test;

/**
 * Two tables with the same counts over the same rows, as completion and cost_per_outcome share the
 * discharged and completed episodes of each cell. Suppressed apart, a count one view hides is often
 * shown by the other, and the first view's relations then give its small cells away; suppressed
 * together, the same counts are hidden in both and the attacker, reading both views, finds nothing.
 */
class SuppressedTogetherTest {

  private static final int MIN = SmallCellSuppression.DEFAULT_MIN_CELL_SIZE;

  @Test
  void sharedCountsAreHiddenAlikeAndNothingLeaksAcrossTheTwoViews() {
    Random random = new Random(11);
    int cubesWhereApartDiffers = 0;
    int leakedApart = 0;
    for (int i = 0; i < 100; i++) {
      RandomCube cube = RandomCube.generate(random);
      List<Map<String, Object>> outcomesApart = apart(outcomes(cube), cube);
      List<Map<String, Object>> costsApart = apart(costs(cube), cube);
      if (!sharedHidden(outcomesApart).equals(sharedHidden(costsApart))) {
        cubesWhereApartDiffers++;
        leakedApart += leaks(cube, bothViews(outcomesApart, costsApart), false).size();
      }
      SuppressedCells together = SmallCellSuppression.together(List.of(outcomes(cube), costs(cube)),
          List.of(project(cube.rows, outcomes(cube)), project(cube.rows, costs(cube))), MIN);
      assertEquals(sharedHidden(together.view(outcomes(cube).columnNames())),
          sharedHidden(together.view(costs(cube).columnNames())), "cube " + i);
      assertEquals(List.of(), leaks(cube, together.view(), true), "cube " + i);
    }
    assertTrue(cubesWhereApartDiffers > 5, "suppressed apart, the views differ in only " + cubesWhereApartDiffers);
    assertTrue(leakedApart > 0, "suppressed apart, reading both views should give hidden cells away");
  }

  private static List<Map<String, Object>> apart(TableSchema table, RandomCube cube) {
    return SmallCellSuppression.forTable(table, MIN).apply(project(cube.rows, table)).view();
  }

  /** What a reader of both tables recovers: by subtraction, and if asked by bounds and linear algebra too. */
  private static List<String> leaks(RandomCube cube, List<Map<String, Object>> seen, boolean everyAttack) {
    Attacker attacker = new Attacker(cube.keys, bothRules(cube), seen, cube.rows, MIN);
    List<String> leaks = new ArrayList<>(attacker.leaks(attacker.subtract()));
    if (everyAttack) {
      leaks.addAll(attacker.leaks(attacker.bounds()));
      leaks.addAll(attacker.leaks(attacker.linearAlgebra()));
    }
    return leaks;
  }

  @Test
  void tablesWithDifferentRowsAreRefused() {
    RandomCube cube = RandomCube.generate(new Random(3));
    List<Map<String, Object>> fewer = new ArrayList<>(project(cube.rows, costs(cube)));
    fewer.remove(0);
    assertThrows(IllegalArgumentException.class, () -> SmallCellSuppression.together(
        List.of(outcomes(cube), costs(cube)), List.of(project(cube.rows, outcomes(cube)), fewer), MIN));
  }

  /** Like completion: n, a and b (so a remainder), and the rate of a. */
  private static TableSchema outcomes(RandomCube cube) {
    SuppressionRules all = cube.rules;
    Map<String, List<String>> dependents = Map.of("rate_a", all.dependents().get("rate_a"));
    SuppressionRules rules = new SuppressionRules(all.counts(), all.remainders(), null, dependents);
    return table("outcomes", cube.keys, List.of("n", "a", "b", "rate_a"), rules);
  }

  /** Like cost_per_outcome: n and a again, money and money per n; suppressed with the outcomes. */
  private static TableSchema costs(RandomCube cube) {
    SuppressionRules all = cube.rules;
    Map<String, SuppressionRules.Count> counts = new LinkedHashMap<>();
    counts.put("n", all.counts().get("n"));
    counts.put("a", all.counts().get("a"));
    SuppressionRules rules = new SuppressionRules(counts, null, all.sums(),
        Map.of("money_per", all.dependents().get("money_per")), "outcomes");
    return table("costs", cube.keys, List.of("n", "a", "money", "money_per"), rules);
  }

  /** What someone reading both views knows: every rule of either. */
  private static SuppressionRules bothRules(RandomCube cube) {
    Map<String, List<String>> dependents = new LinkedHashMap<>(cube.rules.dependents());
    dependents.remove("share");
    return new SuppressionRules(cube.rules.counts(), cube.rules.remainders(), cube.rules.sums(), dependents);
  }

  private static TableSchema table(String name, List<String> keys, List<String> measures, SuppressionRules rules) {
    List<TableColumn> columns = new ArrayList<>();
    keys.forEach(k -> columns.add(new TableColumn(k, "string", k)));
    measures.forEach(m -> columns.add(new TableColumn(m, "double", m)));
    return new TableSchema(name, name, null, keys, keys, columns, rules);
  }

  private static List<Map<String, Object>> project(List<Map<String, Object>> rows, TableSchema table) {
    List<Map<String, Object>> projected = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> columns = new LinkedHashMap<>();
      table.columnNames().forEach(c -> columns.put(c, row.get(c)));
      projected.add(columns);
    }
    return projected;
  }

  /** What a reader of both views sees: a value either view shows. */
  private static List<Map<String, Object>> bothViews(List<Map<String, Object>> first,
      List<Map<String, Object>> second) {
    List<Map<String, Object>> both = new ArrayList<>();
    for (int row = 0; row < first.size(); row++) {
      Map<String, Object> seen = new LinkedHashMap<>(first.get(row));
      second.get(row).forEach((column, value) -> {
        if (seen.get(column) == null) {
          seen.put(column, value);
        }
      });
      both.add(seen);
    }
    return both;
  }

  /** Which of the shared counts are hidden, row by row. */
  private static List<List<Boolean>> sharedHidden(List<Map<String, Object>> view) {
    return view.stream().map(row -> List.of(row.get("n") == null, row.get("a") == null)).toList();
  }
}
