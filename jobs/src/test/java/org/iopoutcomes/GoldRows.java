package org.iopoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Looks up one cell of a small computed table by its key columns and checks its values. */
public final class GoldRows {

  private final List<Row> rows;
  private final String table;

  public GoldRows(String table, Dataset<Row> computed) {
    this.table = table;
    this.rows = computed.collectAsList();
  }

  /** The row whose columns have the given values, as pairs: "level_of_care", "all", ... */
  public Cell cell(String... keyValues) {
    List<Row> matches = rows.stream().filter(r -> matches(r, keyValues)).toList();
    if (matches.size() != 1) {
      fail(table + ": expected one row for " + String.join(" ", keyValues) + ", found " + matches.size());
    }
    return new Cell(matches.get(0), String.join(" ", keyValues));
  }

  public boolean has(String... keyValues) {
    return rows.stream().anyMatch(r -> matches(r, keyValues));
  }

  public int size() {
    return rows.size();
  }

  private static boolean matches(Row row, String... keyValues) {
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = row.getAs(keyValues[i]);
      if (value == null || !String.valueOf(value).equals(keyValues[i + 1])) {
        return false;
      }
    }
    return true;
  }

  /** One row, with assertions that name the table, the row and the column when they fail. */
  public final class Cell {
    private final Row row;
    private final String key;

    Cell(Row row, String key) {
      this.row = row;
      this.key = key;
    }

    public Cell count(String column, long expected) {
      assertEquals(expected, ((Number) row.getAs(column)).longValue(), where(column));
      return this;
    }

    public Cell rate(String column, double expected) {
      Object value = row.getAs(column);
      if (value == null) {
        fail(where(column) + " is null, expected " + expected);
      }
      assertEquals(expected, ((Number) value).doubleValue(), 1e-12, where(column));
      return this;
    }

    public Cell money(String column, String expected) {
      Object value = row.getAs(column);
      if (value == null) {
        fail(where(column) + " is null, expected " + expected);
      }
      assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) value),
          where(column) + ": expected " + expected + " but was " + value);
      return this;
    }

    public Cell isNull(String column) {
      assertNull(row.getAs(column), where(column));
      return this;
    }

    public Object get(String column) {
      return row.getAs(column);
    }

    private String where(String column) {
      return table + " [" + key + "] " + column;
    }
  }

  @Override
  public String toString() {
    return rows.stream().map(Row::toString).collect(Collectors.joining("\n"));
  }
}
