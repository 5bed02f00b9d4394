package org.iopoutcomes.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iopoutcomes.contract.SuppressionRules;
import org.iopoutcomes.contract.TableSchema;

/**
 * A table's suppression rules, checked and put in the form the algorithm works on: the measures
 * (counts, remainders and sums, each with the dimensions it is additive over), the partitions of a
 * row (a total = its parts + a remainder) and the columns computed from the measures.
 */
final class SuppressionPlan {

  enum Kind { COUNT, REMAINDER, SUM }

  /** A measure: a value per row that the relations of the cube tie to other rows' values. */
  record Measure(String name, Kind kind, List<String> additiveOver, List<String> hiddenWith) {
    boolean isCount() {
      return kind != Kind.SUM;
    }
  }

  /** Within a row: {@code total} = the sum of {@code parts}, of which the last is a remainder. */
  record Partition(String total, List<String> parts) {}

  /** What a dependent column is computed from: a measure of this row, or of the row with one key changed. */
  record Source(String measure, String key, String value) {
    boolean sameRow() {
      return key == null;
    }
  }

  private static final Pattern OTHER_ROW = Pattern.compile("(\\w+)\\[(\\w+)=([^\\]]+)\\]");
  private static final Set<String> RUN_COLUMNS = Set.of("as_of", "run_id");

  final List<String> keys;
  final List<Measure> measures = new ArrayList<>();
  final Map<String, Integer> measureIndex = new LinkedHashMap<>();
  final List<Partition> partitions = new ArrayList<>();
  final Map<String, List<Source>> dependents = new LinkedHashMap<>();

  SuppressionPlan(List<String> keys, SuppressionRules rules) {
    this.keys = List.copyOf(keys);
    rules.counts().forEach((name, count) ->
        add(new Measure(name, Kind.COUNT, dims(name, count.additiveOver()), List.of())));
    rules.remainders().forEach((name, remainder) -> addRemainder(name, remainder));
    rules.sums().forEach((name, sum) -> add(new Measure(name, Kind.SUM, dims(name, sum.additiveOver()),
        requireCounts(name, sum.hiddenWith()))));
    rules.dependents().forEach((name, sources) ->
        dependents.put(name, sources.stream().map(s -> source(name, s)).toList()));
  }

  /** The plan of a dashboard table, checked against every column of its schema. */
  static SuppressionPlan of(TableSchema table) {
    if (!table.hasDashboardView()) {
      throw new IllegalArgumentException(table.table() + " has no suppression rules: it has no dashboard view");
    }
    SuppressionPlan plan = new SuppressionPlan(table.keys(), table.suppression());
    plan.checkCovers(table);
    return plan;
  }

  /**
   * The plan of tables suppressed as one (rules with suppressed_with): each checked on its own,
   * then their rules joined. A count in more than one is the same count and must add up alike.
   */
  static SuppressionPlan together(List<TableSchema> tables) {
    tables.forEach(SuppressionPlan::of);
    TableSchema first = tables.get(0);
    Map<String, SuppressionRules.Count> counts = new LinkedHashMap<>();
    Map<String, SuppressionRules.Remainder> remainders = new LinkedHashMap<>();
    Map<String, SuppressionRules.Sum> sums = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    for (TableSchema table : tables) {
      if (!table.keys().equals(first.keys())) {
        throw new IllegalArgumentException(table.table() + " and " + first.table() + " have different keys:"
            + " they cannot be suppressed together");
      }
      SuppressionRules rules = table.suppression();
      rules.counts().forEach((name, count) -> join(counts, name, count, table));
      rules.remainders().forEach((name, remainder) -> join(remainders, name, remainder, table));
      rules.sums().forEach((name, sum) -> join(sums, name, sum, table));
      rules.dependents().forEach((name, sources) -> join(dependents, name, sources, table));
    }
    return new SuppressionPlan(first.keys(), new SuppressionRules(counts, remainders, sums, dependents));
  }

  private static <V> void join(Map<String, V> joined, String name, V rule, TableSchema table) {
    V before = joined.putIfAbsent(name, rule);
    if (before != null && !before.equals(rule)) {
      throw new IllegalArgumentException(table.table() + "." + name + " has other suppression rules than in the"
          + " table it is suppressed with");
    }
  }

  Measure measure(int index) {
    return measures.get(index);
  }

  int measureCount() {
    return measures.size();
  }

  /** The measures and dependents that are columns of the table (remainders are not). */
  List<String> shownColumns() {
    List<String> columns = new ArrayList<>();
    measures.stream().filter(m -> m.kind() != Kind.REMAINDER).forEach(m -> columns.add(m.name()));
    columns.addAll(dependents.keySet());
    return columns;
  }

  private void add(Measure measure) {
    if (measureIndex.put(measure.name(), measures.size()) != null) {
      throw new IllegalArgumentException("suppression rules name " + measure.name() + " twice");
    }
    measures.add(measure);
  }

  /** A remainder is additive wherever its total and all its parts are. */
  private void addRemainder(String name, SuppressionRules.Remainder remainder) {
    List<String> members = new ArrayList<>(List.of(remainder.total()));
    members.addAll(remainder.parts());
    requireCounts(name, members);
    Set<String> additive = new LinkedHashSet<>(measures.get(measureIndex.get(remainder.total())).additiveOver());
    remainder.parts().forEach(p -> additive.retainAll(measures.get(measureIndex.get(p)).additiveOver()));
    add(new Measure(name, Kind.REMAINDER, List.copyOf(additive), List.of()));
    List<String> parts = new ArrayList<>(remainder.parts());
    parts.add(name);
    partitions.add(new Partition(remainder.total(), List.copyOf(parts)));
  }

  private List<String> dims(String measure, List<String> additiveOver) {
    for (String dimension : additiveOver) {
      if (!keys.contains(dimension)) {
        throw new IllegalArgumentException(measure + " is additive over " + dimension + ", which is not a key");
      }
    }
    return additiveOver;
  }

  private List<String> requireCounts(String user, List<String> names) {
    for (String name : names) {
      Integer index = measureIndex.get(name);
      if (index == null || !measures.get(index).isCount()) {
        throw new IllegalArgumentException(user + " names " + name + ", which is not a count declared before it");
      }
    }
    return List.copyOf(names);
  }

  private Source source(String dependent, String text) {
    Matcher otherRow = OTHER_ROW.matcher(text);
    Source source = otherRow.matches()
        ? new Source(otherRow.group(1), otherRow.group(2), otherRow.group(3)) : new Source(text, null, null);
    if (!measureIndex.containsKey(source.measure()) || !(source.sameRow() || keys.contains(source.key()))) {
      throw new IllegalArgumentException(dependent + " depends on " + text + ", which is not a measure of the table");
    }
    return source;
  }

  /** Every column but the keys, as_of and run_id must be a measure or a dependent: nothing is shown unchecked. */
  private void checkCovers(TableSchema table) {
    Set<String> declared = new LinkedHashSet<>(shownColumns());
    for (String column : table.columnNames()) {
      if (!declared.remove(column) && !keys.contains(column) && !RUN_COLUMNS.contains(column)) {
        throw new IllegalArgumentException(table.table() + "." + column
            + " is not named in the table's suppression rules: say whether it is a count, a sum or a dependent");
      }
    }
    if (!declared.isEmpty()) {
      throw new IllegalArgumentException(table.table() + " has no columns " + declared
          + " named in its suppression rules");
    }
    measures.stream().filter(m -> m.kind() == Kind.REMAINDER && table.columnNames().contains(m.name())).forEach(m -> {
      throw new IllegalArgumentException(table.table() + "." + m.name()
          + " is a column: declare it a count, not a remainder");
    });
  }
}
