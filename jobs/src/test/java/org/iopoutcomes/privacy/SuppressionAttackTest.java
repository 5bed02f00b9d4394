package org.iopoutcomes.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The property: on random cubes, an attacker who sees the dashboard view and knows how the table is
 * built recovers no hidden value and no small remainder, by subtraction, by bounds or by linear
 * algebra. 500 cubes from a fixed seed, of 3 to 302 episodes over 2 to 5 levels, 2 to 6 payers and
 * 1 to 4 components, a third of them per window, half with an additive component dimension.
 */
class SuppressionAttackTest {

  private static final long SEED = 20260701L;
  private static final int CUBES = 500;

  @Test
  void noHiddenValueIsRecoveredFromRandomCubes() {
    Random random = new Random(SEED);
    Tally tally = new Tally();
    for (int i = 0; i < CUBES; i++) {
      RandomCube cube = RandomCube.generate(random);
      int minCellSize = i % 5 == 0 ? 5 + random.nextInt(16) : SmallCellSuppression.DEFAULT_MIN_CELL_SIZE;
      attack(i, cube, minCellSize, tally);
    }
    System.out.println(tally);
    assertEquals(CUBES, tally.cubes);
    assertTrue(tally.primary > 1_000 && tally.complementary > 100, "the cubes exercise suppression: " + tally);
    assertEquals(0, tally.recovered, "hidden values recovered: " + tally.leaks);
  }

  private static void attack(int index, RandomCube cube, int minCellSize, Tally tally) {
    SuppressedCells suppressed = new SmallCellSuppression(cube.keys, cube.rules, minCellSize).apply(cube.rows);
    List<Map<String, Object>> view = suppressed.view();
    checkRule(index, cube, view, minCellSize);
    Attacker attacker = new Attacker(cube.keys, cube.rules, view, cube.rows, minCellSize);
    List<String> leaks = new ArrayList<>(attacker.leaks(attacker.subtract()));
    leaks.addAll(attacker.leaks(attacker.bounds()));
    leaks.addAll(attacker.leaks(attacker.linearAlgebra()));
    tally.add(cube, suppressed.summary(), leaks.stream().map(l -> "cube " + index + ": " + l).toList());
  }

  /** No shown count from 1 to min − 1; a row is flagged exactly when one of its values is null. */
  private static void checkRule(int index, RandomCube cube, List<Map<String, Object>> view, int minCellSize) {
    for (int row = 0; row < view.size(); row++) {
      Map<String, Object> shown = view.get(row);
      for (String count : List.of("n", "a", "b")) {
        Object value = shown.get(count);
        if (value != null && (Long) value >= 1 && (Long) value < minCellSize) {
          fail("cube " + index + " shows " + count + " = " + value + " in " + shown);
        }
      }
      boolean anyHidden = false;
      for (String column : List.of("n", "a", "b", "money", "rate_a", "money_per", "share")) {
        anyHidden |= shown.get(column) == null && cube.rows.get(row).get(column) != null;
      }
      assertEquals(anyHidden, shown.get(SuppressedCells.SUPPRESSED), "cube " + index + " flags " + shown);
    }
  }

  /** What the cubes held and what the attacks found. */
  private static final class Tally {
    int cubes;
    long rows;
    long countCells;
    long primary;
    long complementary;
    long remainders;
    long sums;
    long recovered;
    final List<String> leaks = new ArrayList<>();

    void add(RandomCube cube, SuppressedCells.Summary summary, List<String> found) {
      cubes++;
      rows += cube.rows.size();
      countCells += cube.countCells();
      primary += summary.primaryCells();
      complementary += summary.complementaryCells();
      remainders += summary.hiddenRemainders();
      sums += summary.hiddenSums();
      recovered += found.size();
      found.stream().limit(5 - Math.min(5, leaks.size())).forEach(leaks::add);
    }

    @Override
    public String toString() {
      return String.format("%d cubes, %d rows, %d count cells: %d hidden as small, %d as complements,"
          + " %d remainders and %d sums hidden; recovered by subtraction, bounds or linear algebra: %d",
          cubes, rows, countCells, primary, complementary, remainders, sums, recovered);
    }
  }
}
