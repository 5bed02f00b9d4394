package org.iopoutcomes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The comparison every end-to-end test relies on passes what it should and fails what it should. */
class DataFrameAssertionsTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  private static Dataset<Row> rows(String values) {
    return SPARK.sql("SELECT level, CAST(episodes AS BIGINT) AS episodes, CAST(rate AS DOUBLE) AS rate FROM VALUES "
        + values + " AS t(level, episodes, rate)");
  }

  @Test
  void sameRowsInAnotherOrderAndColumnOrderWithinTolerancePass() {
    Dataset<Row> expected = rows("('iop', 5L, 0.5), ('all', 9L, CAST(NULL AS DOUBLE))");
    Dataset<Row> actual = rows("('all', 9L, CAST(NULL AS DOUBLE)), ('iop', 5L, 0.5 + 1e-12)").select("rate", "level",
        "episodes");
    assertDoesNotThrow(() -> DataFrameAssertions.assertSameRows(expected, actual, 1e-9));
  }

  @Test
  void aDifferentValueFailsNamingTheTableAndTheRow() {
    AssertionError failure = assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameRows("completion",
        rows("('iop', 5L, 0.5), ('all', 9L, 0.4)"), rows("('iop', 5L, 0.5), ('all', 9L, 0.41)"), 1e-9));
    assertTrue(failure.getMessage().contains("completion") && failure.getMessage().contains("0.41"),
        failure.getMessage());
  }

  @Test
  void aMissingRowOrANullForAValueFails() {
    assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameRows(
        rows("('iop', 5L, 0.5), ('all', 9L, 0.4)"), rows("('iop', 5L, 0.5)"), 1e-9));
    assertThrows(AssertionError.class, () -> DataFrameAssertions.assertSameRows(
        rows("('iop', 5L, 0.5)"), rows("('iop', 5L, CAST(NULL AS DOUBLE))"), 1e-9));
  }

  @Test
  void aColumnOfAnotherTypeFails() {
    Dataset<Row> asText = rows("('iop', 5L, 0.5)").selectExpr("level", "CAST(episodes AS STRING) AS episodes", "rate");
    assertThrows(AssertionError.class,
        () -> DataFrameAssertions.assertSameRows(rows("('iop', 5L, 0.5)"), asText, 1e-9));
  }
}
