package org.iopoutcomes.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.lake.ConcurrentWrites;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.privacy.SmallCellSuppression;
import org.iopoutcomes.privacy.SuppressedCells;

/**
 * Writes the dashboard view of every gold table that has suppression rules in its schema file:
 * {@code <lake>/gold/<table>} → {@code <lake>/dashboard/<table>}, the same columns with small
 * counts and everything that would give them away set to null, plus
 * <pre>
 * suppressed     boolean  true when any value of the row is hidden
 * min_cell_size  int      the smallest count the view shows (counts 1 to min_cell_size − 1 are hidden)
 * </pre>
 * Tables that hold the same counts over the same rows (cost_per_outcome names completion in its
 * suppressed_with) are suppressed as one, so that a count hidden in one view is hidden in the other.
 * Research tables (no suppression rules: retention_curve, level_of_care_comparison) get no view; they
 * stay at full precision in {@code <lake>/gold/} and must not be shown on dashboards. Run on the rows
 * the gold tables were just published with; each view is replaced in one Delta commit.
 */
public final class DashboardViews {

  private DashboardViews() {}

  /**
   * Publishes the view of every dashboard table of the contract; returns what was hidden, by table
   * (tables suppressed together share one summary).
   */
  public static Map<String, SuppressedCells.Summary> publish(SparkSession spark, Lake lake, Contract contract,
      int minCellSize, Map<String, GoldPublisher.Published> gold) {
    Map<List<TableSchema>, Callable<SuppressedCells.Summary>> writes = new LinkedHashMap<>();
    for (List<TableSchema> group : groups(contract)) {
      writes.put(group, () -> publish(spark, lake, group, minCellSize, gold));
    }
    Map<String, SuppressedCells.Summary> summaries = new LinkedHashMap<>();
    ConcurrentWrites.run(writes).forEach((group, summary) ->
        group.forEach(table -> summaries.put(table.table(), summary)));
    return summaries;
  }

  /** The gold tables that have a dashboard view, in the contract's order. */
  public static List<String> dashboardTables(Contract contract) {
    return contract.goldTableNames().stream().filter(t -> contract.table(t).hasDashboardView()).toList();
  }

  /** The dashboard tables, each with the tables suppressed with it (suppressed_with), led by the one they name. */
  static List<List<TableSchema>> groups(Contract contract) {
    Map<String, List<TableSchema>> groups = new LinkedHashMap<>();
    for (String name : dashboardTables(contract)) {
      TableSchema table = contract.table(name);
      String lead = table.suppression().suppressedWith();
      boolean leads = lead == null
          || contract.table(lead).hasDashboardView() && contract.table(lead).suppression().suppressedWith() == null;
      if (!leads) {
        throw new IllegalArgumentException(name + " is suppressed with " + lead + ", which is not a dashboard table"
            + " suppressed on its own");
      }
      groups.computeIfAbsent(lead == null ? name : lead, g -> new ArrayList<>()).add(table);
    }
    groups.values().forEach(group -> group.sort(Comparator.comparing(t -> t.suppression().suppressedWith() != null)));
    return new ArrayList<>(groups.values());
  }

  private static SuppressedCells.Summary publish(SparkSession spark, Lake lake, List<TableSchema> group,
      int minCellSize, Map<String, GoldPublisher.Published> gold) {
    List<GoldPublisher.Published> tables = new ArrayList<>();
    List<List<Map<String, Object>>> rows = new ArrayList<>();
    for (TableSchema table : group) {
      GoldPublisher.Published published = gold.get(table.table());
      if (published == null) {
        throw new IllegalArgumentException("no published rows of gold table " + table.table() + " to suppress");
      }
      tables.add(published);
      // Gold rows are few (a cube's cells), so they are suppressed in the driver in plain Java.
      rows.add(published.rows().stream().map(DashboardViews::values).toList());
    }
    SuppressedCells suppression = group.size() == 1
        ? SmallCellSuppression.forTable(group.get(0), minCellSize).apply(rows.get(0))
        : SmallCellSuppression.together(group, rows, minCellSize);
    for (int t = 0; t < group.size(); t++) {
      StructType schema = tables.get(t).schema();
      write(spark, lake.dashboard(group.get(t).table()), schema, suppression.view(Arrays.asList(schema.fieldNames())));
    }
    return suppression.summary();
  }

  /** Replaces the view in one Delta commit. */
  private static void write(SparkSession spark, String path, StructType goldSchema, List<Map<String, Object>> view) {
    // Every gold column may be hidden, so every one may hold null: a count the computation declared
    // non-nullable would otherwise be stored as 0.
    StructType schema = new StructType(Arrays.stream(goldSchema.fields())
            .map(field -> new StructField(field.name(), field.dataType(), true, field.metadata()))
            .toArray(StructField[]::new))
        .add(SuppressedCells.SUPPRESSED, DataTypes.BooleanType, false)
        .add(SuppressedCells.MIN_CELL_SIZE, DataTypes.IntegerType, false);
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> shown : view) {
      rows.add(RowFactory.create(Arrays.stream(schema.fieldNames()).map(shown::get).toArray()));
    }
    spark.createDataFrame(rows, schema).coalesce(1).write().format("delta")
        .mode("overwrite").option("overwriteSchema", "true")
        .save(path);
  }

  private static Map<String, Object> values(Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : row.schema().fieldNames()) {
      values.put(field, row.getAs(field));
    }
    return values;
  }
}
