package org.iopoutcomes.privacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.iopoutcomes.privacy.SuppressionPlan.Kind;
import org.iopoutcomes.privacy.SuppressionPlan.Measure;
import org.iopoutcomes.privacy.SuppressionPlan.Partition;

/**
 * The cells of one table that suppression decides on: one per row and measure, numbered
 * {@code row * measures + measure}. Remainders are computed here from their total and parts. The
 * rows are taken in key order, so that the same rows give the same suppression in any order.
 */
final class CubeCells {

  final SuppressionPlan plan;
  final List<Map<String, Object>> rows;
  /** For each row of the input, its position in key order (its row number here). */
  final int[] position;
  private final double[] values;
  private final Map<List<Object>, Integer> rowByKey = new HashMap<>();

  private CubeCells(SuppressionPlan plan, List<Map<String, Object>> rows, int[] position) {
    this.plan = plan;
    this.rows = rows;
    this.position = position;
    this.values = new double[rows.size() * plan.measureCount()];
  }

  static CubeCells of(SuppressionPlan plan, List<Map<String, Object>> input) {
    Comparator<Integer> byKey = (a, b) -> compareKeys(plan, input.get(a), input.get(b));
    List<Integer> ordered = IntStream.range(0, input.size()).boxed().sorted(byKey).toList();
    int[] position = new int[input.size()];
    for (int p = 0; p < ordered.size(); p++) {
      position[ordered.get(p)] = p;
    }
    CubeCells cells = new CubeCells(plan, ordered.stream().map(input::get).toList(), position);
    for (int row = 0; row < cells.rows.size(); row++) {
      if (cells.rowByKey.put(cells.key(cells.rows.get(row)), row) != null) {
        throw new IllegalArgumentException("two rows with the key " + cells.key(cells.rows.get(row)));
      }
      cells.readValues(row);
    }
    return cells;
  }

  private static int compareKeys(SuppressionPlan plan, Map<String, Object> a, Map<String, Object> b) {
    for (String key : plan.keys) {
      int order = String.valueOf(a.get(key)).compareTo(String.valueOf(b.get(key)));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  int size() {
    return values.length;
  }

  int rowCount() {
    return rows.size();
  }

  int cell(int row, int measure) {
    return row * plan.measureCount() + measure;
  }

  int cell(int row, String measure) {
    return cell(row, plan.measureIndex.get(measure));
  }

  int row(int cell) {
    return cell / plan.measureCount();
  }

  Measure measure(int cell) {
    return plan.measure(cell % plan.measureCount());
  }

  double value(int cell) {
    return values[cell];
  }

  /** A count's value (counts and remainders are whole numbers). */
  long count(int cell) {
    return Math.round(values[cell]);
  }

  /** The cell's position in a fixed order: rows by key, then measures as declared. */
  long order(int cell) {
    return cell;
  }

  /** The row whose keys are those of {@code row} with one changed, or -1 where there is none. */
  int rowWith(int row, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(rows.get(row));
    changed.put(key, value);
    return rowByKey.getOrDefault(key(changed), -1);
  }

  List<Object> key(Map<String, Object> row) {
    List<Object> key = new ArrayList<>();
    plan.keys.forEach(k -> key.add(keyValue(row.get(k))));
    return key;
  }

  /** Key values compare by text, so that 30 and 30L name the same window. */
  static Object keyValue(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  String describe(int cell) {
    Map<String, Object> row = rows.get(row(cell));
    List<String> key = plan.keys.stream().map(k -> k + "=" + row.get(k)).toList();
    return "[" + String.join(", ", key) + "] " + measure(cell).name();
  }

  private void readValues(int row) {
    Map<String, Object> values = rows.get(row);
    for (int m = 0; m < plan.measureCount(); m++) {
      Measure measure = plan.measure(m);
      if (measure.kind() != Kind.REMAINDER) {
        this.values[cell(row, m)] = number(values, measure);
      }
    }
    for (Partition partition : plan.partitions) {
      double remainder = this.values[cell(row, partition.total())];
      List<String> parts = partition.parts();
      for (String part : parts.subList(0, parts.size() - 1)) {
        remainder -= this.values[cell(row, part)];
      }
      if (remainder < 0) {
        throw new IllegalArgumentException(describe(cell(row, parts.get(parts.size() - 1)))
            + " is negative: the parts add up to more than " + partition.total());
      }
      this.values[cell(row, parts.get(parts.size() - 1))] = remainder;
    }
  }

  private double number(Map<String, Object> row, Measure measure) {
    Object value = row.get(measure.name());
    if (value == null && measure.isCount()) {
      throw new IllegalArgumentException("row " + key(row) + " has no " + measure.name());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    return value == null ? 0 : ((Number) value).doubleValue();
  }
}
