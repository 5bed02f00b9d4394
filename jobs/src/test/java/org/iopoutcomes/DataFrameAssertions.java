package org.iopoutcomes;

import static org.junit.jupiter.api.Assertions.fail;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * DataFrame comparison with spark-testing-base's schema check and row equality, on the shared
 * session: same schema, same rows in any order, doubles within a tolerance.
 *
 * <p>Test tables are small, so each side is sorted in one partition and collected (one Spark job a
 * side), and the rows are compared in order with spark-testing-base's {@code approxEquals}. Its own
 * {@code assertDataFrameApproximateEquals} caches, counts, indexes and joins both sides as RDDs,
 * some ten jobs a comparison, and the pipeline tests compare hundreds of tables.
 */
public final class DataFrameAssertions {

  /** spark-testing-base's comparison, on the shared session instead of one of its own. */
  private static final JavaDataFrameSuiteBase COMPARER = new JavaDataFrameSuiteBase() {
    @Override
    public SparkSession spark() {
      return SparkTestSession.get();
    }
  };

  /** How many differing rows a failure shows. */
  private static final int SHOWN = 10;

  private DataFrameAssertions() {}

  /** Same schema and the same rows, in any order; doubles may differ by {@code tolerance}. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    assertSameRows("", expected, actual, tolerance);
  }

  /** The same, with what is compared named in the failure (a table's name). */
  public static void assertSameRows(String what, Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    Column[] columns = Arrays.stream(expected.columns()).map(functions::col).toArray(Column[]::new);
    Dataset<Row> actualColumns = actual.select(columns);
    COMPARER.assertSchemasEqual(expected.schema(), actualColumns.schema());
    List<Row> want = sorted(expected, columns);
    List<Row> got = sorted(actualColumns, columns);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(want.size(), got.size()) && differences.size() < SHOWN; i++) {
      Row wanted = i < want.size() ? want.get(i) : null;
      Row gotten = i < got.size() ? got.get(i) : null;
      if (wanted == null || gotten == null || !COMPARER.approxEquals(wanted, gotten, tolerance)) {
        differences.add("row " + i + " in sorted order: expected " + wanted + ", got " + gotten);
      }
    }
    if (!differences.isEmpty()) {
      fail((what.isEmpty() ? "" : what + ": ") + "expected " + want.size() + " rows, got " + got.size() + "; the first rows that differ (of "
          + Math.max(want.size(), got.size()) + "):\n  " + String.join("\n  ", differences));
    }
  }

  private static List<Row> sorted(Dataset<Row> rows, Column[] columns) {
    return rows.coalesce(1).sortWithinPartitions(columns).collectAsList();
  }
}
