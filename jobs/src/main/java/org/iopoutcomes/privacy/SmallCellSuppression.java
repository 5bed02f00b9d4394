package org.iopoutcomes.privacy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.SuppressionRules;
import org.iopoutcomes.contract.TableSchema;

/**
 * Small-cell suppression of one aggregate table, so that no one shown the table can single out a
 * person (metrics.md, "Dashboard views"; docs/measures/small-cell-suppression.md):
 * <ol>
 *   <li><b>primary</b>: every count (and every remainder: a count the columns imply, such as the
 *       discharged minus the completed, dropped out and transferred) from 1 to min_cell_size − 1 is
 *       hidden; 0 is shown;</li>
 *   <li>a sum (money, hours) is hidden wherever a count it is hidden with is;</li>
 *   <li><b>complementary</b>: until no additive relation (an {@code all} row and its children along
 *       one additive dimension, or a row's total and its parts) hides exactly one cell, another
 *       cell of that relation is hidden;</li>
 *   <li><b>audit</b>: exact linear algebra over all relations, and bounds (hidden counts are at
 *       least 1), look for hidden cells that can still be worked out; each gets another complement,
 *       and steps 3 and 4 repeat until the audit finds none;</li>
 *   <li>a rate, interval or ratio is hidden when any measure it is computed from is.</li>
 * </ol>
 * Plain Java over the rows of one table: a dashboard table is bounded by the size of its cube.
 */
public final class SmallCellSuppression {

  /** The smallest count shown, unless told otherwise: counts from 1 to 10 are hidden. */
  public static final int DEFAULT_MIN_CELL_SIZE = 11;

  private final SuppressionPlan plan;
  private final int minCellSize;

  /**
   * @param keys the table's key columns (a relation holds every key but one fixed)
   * @param minCellSize the smallest count shown; counts from 1 to minCellSize − 1 are hidden
   */
  public SmallCellSuppression(List<String> keys, SuppressionRules rules, int minCellSize) {
    this(new SuppressionPlan(keys, rules), minCellSize);
  }

  private SmallCellSuppression(SuppressionPlan plan, int minCellSize) {
    if (minCellSize < 1) {
      throw new IllegalArgumentException("the minimum cell size must be at least 1, not " + minCellSize);
    }
    this.plan = plan;
    this.minCellSize = minCellSize;
  }

  /** The suppression of a dashboard table, its rules checked to name every column it shows. */
  public static SmallCellSuppression forTable(TableSchema table, int minCellSize) {
    return new SmallCellSuppression(SuppressionPlan.of(table), minCellSize);
  }

  /**
   * Suppresses tables that hold some of the same counts over the same rows (rules with
   * suppressed_with) as one table, their rows joined on the keys, so that a count hidden in one is
   * hidden in all and no relation of one gives away what another hides. Project the result onto
   * each table with {@link SuppressedCells#view(List)}.
   */
  public static SuppressedCells together(List<TableSchema> tables, List<List<Map<String, Object>>> rows,
      int minCellSize) {
    SuppressionPlan plan = SuppressionPlan.together(tables);
    return new SmallCellSuppression(plan, minCellSize).apply(joined(tables, rows, plan.keys));
  }

  /**
   * Decides which cells of the rows to hide. Each row maps column names to values: the keys (with
   * {@code all} in a rolled-up dimension), the counts and sums as numbers.
   */
  public SuppressedCells apply(List<Map<String, Object>> rows) {
    CubeCells cells = CubeCells.of(plan, rows);
    Relations relations = Relations.of(cells);
    BitSet primary = primary(cells);
    BitSet hidden = (BitSet) primary.clone();
    Complements complements = new Complements(cells, relations, hidden);
    int audits = 0;
    boolean protectedMore;
    do {
      complements.toFixedPoint();
      BitSet exposed = LinearAudit.determined(relations, hidden);
      exposed.or(BoundsAudit.pinned(cells, relations, hidden));
      protectedMore = complements.protect(exposed);
      audits++;
    } while (protectedMore);
    return new SuppressedCells(cells, primary, hidden, minCellSize, audits);
  }

  /** The tables' rows joined on the keys; a column in more than one table must hold the same values. */
  private static List<Map<String, Object>> joined(List<TableSchema> tables, List<List<Map<String, Object>>> rows,
      List<String> keys) {
    Map<List<String>, Map<String, Object>> joined = new LinkedHashMap<>();
    rows.get(0).forEach(row -> joined.put(key(row, keys), new LinkedHashMap<>(row)));
    for (int t = 1; t < tables.size(); t++) {
      String pair = tables.get(t).table() + " and " + tables.get(0).table();
      if (rows.get(t).size() != joined.size()) {
        throw new IllegalArgumentException(pair + " do not hold the same rows: they cannot be suppressed together");
      }
      for (Map<String, Object> row : rows.get(t)) {
        Map<String, Object> into = joined.get(key(row, keys));
        if (into == null) {
          throw new IllegalArgumentException(pair + " do not hold the same rows: " + tables.get(t).table()
              + " has " + key(row, keys));
        }
        row.forEach((column, value) -> {
          if (into.containsKey(column) && !String.valueOf(into.get(column)).equals(String.valueOf(value))) {
            throw new IllegalArgumentException(pair + " differ in " + column + " at " + key(row, keys));
          }
          into.put(column, value);
        });
      }
    }
    return new ArrayList<>(joined.values());
  }

  private static List<String> key(Map<String, Object> row, List<String> keys) {
    return keys.stream().map(k -> String.valueOf(row.get(k))).toList();
  }

  public int minCellSize() {
    return minCellSize;
  }

  private BitSet primary(CubeCells cells) {
    BitSet primary = new BitSet();
    for (int cell = 0; cell < cells.size(); cell++) {
      if (cells.measure(cell).isCount()) {
        long count = cells.count(cell);
        if (count >= 1 && count < minCellSize) {
          primary.set(cell);
        }
      }
    }
    return primary;
  }
}
