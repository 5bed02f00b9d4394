package org.iopoutcomes.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.privacy.SuppressionPlan.Measure;
import org.iopoutcomes.privacy.SuppressionPlan.Partition;

/**
 * The additive relations of a table: total = the sum of its children. Two kinds:
 * <ul>
 *   <li>along a dimension a measure is additive over: the {@code all} row and the rows that differ
 *       from it only in that dimension (every other key, a retention window too, held fixed). A row
 *       that is not there is a known zero and takes no part;</li>
 *   <li>within a row: a partition's total and its parts, the remainder among them.</li>
 * </ul>
 * These are the equations anyone who sees the table can write down; every relation is checked to
 * hold on the data, so a wrong {@code additive_over} fails loudly instead of protecting nothing.
 */
final class Relations {

  /** total = sum of children, in cell numbers. */
  record Relation(int total, int[] children) {}

  /** The value of a rolled-up dimension (Facts.ALL; this package stays free of Spark). */
  static final String ALL = "all";

  private final List<Relation> all = new ArrayList<>();
  private final List<List<Integer>> byCell;

  private Relations(int cells) {
    byCell = new ArrayList<>(cells);
    for (int i = 0; i < cells; i++) {
      byCell.add(new ArrayList<>(2));
    }
  }

  static Relations of(CubeCells cells) {
    Relations relations = new Relations(cells.size());
    Map<String, Map<List<Object>, List<Integer>>> groupsByDimension = new HashMap<>();
    for (int m = 0; m < cells.plan.measureCount(); m++) {
      Measure measure = cells.plan.measure(m);
      for (String dimension : measure.additiveOver()) {
        Map<List<Object>, List<Integer>> groups =
            groupsByDimension.computeIfAbsent(dimension, d -> groupRows(cells, d));
        for (List<Integer> group : groups.values()) {
          relations.addAlong(cells, group, dimension, m);
        }
      }
    }
    for (int r = 0; r < cells.rowCount(); r++) {
      int row = r;
      for (Partition partition : cells.plan.partitions) {
        int[] parts = partition.parts().stream().mapToInt(p -> cells.cell(row, p)).toArray();
        relations.add(cells, new Relation(cells.cell(row, partition.total()), parts), "within its row");
      }
    }
    return relations;
  }

  List<Relation> all() {
    return all;
  }

  /** The relations a cell takes part in (as total or child), by their index in {@link #all()}. */
  List<Integer> of(int cell) {
    return byCell.get(cell);
  }

  Relation get(int index) {
    return all.get(index);
  }

  /** Rows grouped by every key but {@code dimension}. */
  private static Map<List<Object>, List<Integer>> groupRows(CubeCells cells, String dimension) {
    int position = cells.plan.keys.indexOf(dimension);
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int row = 0; row < cells.rowCount(); row++) {
      List<Object> rest = new ArrayList<>(cells.key(cells.rows.get(row)));
      rest.remove(position);
      groups.computeIfAbsent(rest, r -> new ArrayList<>()).add(row);
    }
    return groups;
  }

  private void addAlong(CubeCells cells, List<Integer> group, String dimension, int measure) {
    Integer total = null;
    List<Integer> children = new ArrayList<>();
    for (int row : group) {
      if (ALL.equals(CubeCells.keyValue(cells.rows.get(row).get(dimension)))) {
        total = row;
      } else {
        children.add(cells.cell(row, measure));
      }
    }
    if (total == null) {
      throw new IllegalArgumentException("rows " + group.stream().map(r -> cells.key(cells.rows.get(r))).toList()
          + " have no " + ALL + " row along " + dimension + ": the table is not a full cube");
    }
    int[] childCells = children.stream().mapToInt(Integer::intValue).toArray();
    add(cells, new Relation(cells.cell(total, measure), childCells), "along " + dimension);
  }

  private void add(CubeCells cells, Relation relation, String where) {
    double sum = 0;
    for (int child : relation.children()) {
      sum += cells.value(child);
    }
    double total = cells.value(relation.total());
    if (Math.abs(total - sum) > 1e-6 * Math.max(1, Math.abs(total))) {
      throw new IllegalArgumentException(cells.describe(relation.total()) + " = " + total
          + " is not the sum of its children " + where + " (" + sum + "): check additive_over");
    }
    int index = all.size();
    all.add(relation);
    byCell.get(relation.total()).add(index);
    for (int child : relation.children()) {
      byCell.get(child).add(index);
    }
  }
}
