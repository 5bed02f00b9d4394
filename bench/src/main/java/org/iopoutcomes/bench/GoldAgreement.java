package org.iopoutcomes.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.lake.Lake;

/**
 * Compares two computations of the gold tables row by row, joined on each table's key columns
 * ({@code keys} in {@code schemas/gold/<table>.json}), over the columns a table's computation yields
 * (all but as_of and run_id): counts exactly, money to the cent, rates and hours within
 * {@value #RATE_TOLERANCE}; a null matches only a null.
 */
public final class GoldAgreement {

  /** The largest difference allowed between two doubles (rates, intervals, hours). */
  public static final double RATE_TOLERANCE = 1e-9;

  private final Contract contract;

  public GoldAgreement(Contract contract) {
    this.contract = contract;
  }

  public GoldAgreement() {
    this(Contract.load());
  }

  /** DuckDB's tables against the gold tables the Spark pipeline wrote to {@code <lake>/gold/<table>}. */
  public AgreementReport compareWithLake(DuckDbGold.Result duckDb, SparkSession spark, String lake) {
    AgreementReport report = new AgreementReport("duckdb", "spark", List.of(), List.of());
    for (String table : duckDb.tables().keySet()) {
      report = report.and(compare(table, "duckdb", duckDb.rows(table), "spark", lakeRows(spark, lake, table)));
    }
    return report;
  }

  /** The rows of a gold table of a lake, as plain values (see {@link GoldValues}); gold tables are small. */
  public List<Map<String, Object>> lakeRows(SparkSession spark, String lake, String table) {
    List<TableColumn> columns = computedColumns(table);
    List<Map<String, Object>> rows = new ArrayList<>();
    Lake gold = new Lake(spark, lake);
    for (Row row : gold.read(gold.gold(table)).collectAsList()) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (TableColumn column : columns) {
        values.put(column.name(), GoldValues.of(column, row.getAs(column.name())));
      }
      rows.add(values);
    }
    return rows;
  }

  /** One table: every value of {@code left} against the row of {@code right} with the same key. */
  public AgreementReport compare(String table, String leftName, List<Map<String, Object>> left,
      String rightName, List<Map<String, Object>> right) {
    List<String> keys = contract.table(table).keys();
    Map<Map<String, Object>, Map<String, Object>> leftByKey = byKey(left, keys);
    Map<Map<String, Object>, Map<String, Object>> rightByKey = byKey(right, keys);
    List<AgreementReport.Mismatch> mismatches = new ArrayList<>();
    List<AgreementReport.MissingRow> missing = new ArrayList<>();
    duplicateKeys(table, left, leftByKey, leftName, mismatches);
    duplicateKeys(table, right, rightByKey, rightName, mismatches);
    for (Map.Entry<Map<String, Object>, Map<String, Object>> entry : leftByKey.entrySet()) {
      Map<String, Object> other = rightByKey.get(entry.getKey());
      if (other == null) {
        missing.add(new AgreementReport.MissingRow(table, entry.getKey(), leftName));
        continue;
      }
      for (TableColumn column : computedColumns(table)) {
        Object a = entry.getValue().get(column.name());
        Object b = other.get(column.name());
        if (!same(column, a, b)) {
          mismatches.add(new AgreementReport.Mismatch(table, entry.getKey(), column.name(), a, b));
        }
      }
    }
    rightByKey.keySet().stream().filter(key -> !leftByKey.containsKey(key))
        .forEach(key -> missing.add(new AgreementReport.MissingRow(table, key, rightName)));
    return new AgreementReport(leftName, rightName, mismatches, missing);
  }

  /** The columns a table's computation yields: the schema's columns but as_of and run_id. */
  List<TableColumn> computedColumns(String table) {
    TableSchema schema = contract.table(table);
    List<String> names = List.of(schema.computedSchema().fieldNames());
    return schema.columns().stream().filter(c -> names.contains(c.name())).toList();
  }

  private static boolean same(TableColumn column, Object a, Object b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return switch (GoldValues.kind(column)) {
      case COUNT -> ((Number) a).longValue() == ((Number) b).longValue();
      case MONEY -> ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
      case RATE -> Math.abs(((Number) a).doubleValue() - ((Number) b).doubleValue()) <= RATE_TOLERANCE;
      case TEXT -> Objects.equals(a.toString(), b.toString());
    };
  }

  private static Map<Map<String, Object>, Map<String, Object>> byKey(List<Map<String, Object>> rows,
      List<String> keys) {
    Map<Map<String, Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      byKey.put(key(row, keys), row);
    }
    return byKey;
  }

  private static Map<String, Object> key(Map<String, Object> row, List<String> keys) {
    Map<String, Object> key = new LinkedHashMap<>();
    keys.forEach(k -> key.put(k, row.get(k)));
    return key;
  }

  /** Two rows with one key on one side: a table that is not one row per cell. */
  private static void duplicateKeys(String table, List<Map<String, Object>> rows,
      Map<Map<String, Object>, Map<String, Object>> byKey, String side, List<AgreementReport.Mismatch> mismatches) {
    if (rows.size() != byKey.size()) {
      mismatches.add(new AgreementReport.Mismatch(table, Map.of(), "(rows per key)",
          side + ": " + rows.size() + " rows", byKey.size() + " distinct keys"));
    }
  }
}
