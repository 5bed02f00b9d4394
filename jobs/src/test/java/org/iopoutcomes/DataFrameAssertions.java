package org.iopoutcomes;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * DataFrame comparison from spark-testing-base, on the shared session: same schema, same rows in
 * any order, doubles within a tolerance.
 */
public final class DataFrameAssertions {

  /** spark-testing-base's comparison, on the shared session instead of one of its own. */
  private static final JavaDataFrameSuiteBase COMPARER = new JavaDataFrameSuiteBase() {
    @Override
    public SparkSession spark() {
      return SparkTestSession.get();
    }
  };

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
