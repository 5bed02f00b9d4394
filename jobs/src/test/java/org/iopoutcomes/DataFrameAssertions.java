package org.iopoutcomes;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * DataFrame comparison from spark-testing-base, on the shared session: same schema, same rows in
 * any order, doubles within a tolerance.
 */
public final class DataFrameAssertions {

  private static final JavaDataFrameSuiteBase COMPARER = new JavaDataFrameSuiteBase();

  private DataFrameAssertions() {}

  /** Same schema and the same rows, in any order; doubles may differ by {@code tolerance}. */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    String[] columns = expected.columns();
    Dataset<Row> sortedExpected = expected.orderBy(columns[0], tail(columns));
    Dataset<Row> sortedActual = actual.select(columns[0], tail(columns)).orderBy(columns[0], tail(columns));
    COMPARER.assertDataFrameApproximateEquals(sortedExpected, sortedActual, tolerance);
  }

  private static String[] tail(String[] columns) {
    String[] rest = new String[columns.length - 1];
    System.arraycopy(columns, 1, rest, 0, rest.length);
    return rest;
  }
}
