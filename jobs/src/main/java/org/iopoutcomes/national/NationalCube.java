package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.metrics.Cube;

/**
 * Aggregates over the national cube: {@code GROUP BY fixed..., CUBE(discharge_year, level_of_care,
 * payment_source)}, with the literal {@code all} in a rolled-up dimension. A record whose payment
 * source is missing counts in the {@code payment_source = all} rows and in no payer's row (there is
 * no row with a null payment_source), so payers need not add up to {@code all}.
 */
final class NationalCube {

  static final List<String> DIMENSIONS = List.of(
      TedsCodes.DISCHARGE_YEAR, TedsCodes.LEVEL_OF_CARE, TedsCodes.PAYMENT_SOURCE);

  private NationalCube() {}

  /**
   * @param fixed columns held as they are (the retention window), never rolled up
   * @param aggregates SQL aggregate expressions with their aliases, e.g. {@code "count(*) AS n"}
   */
  static Dataset<Row> aggregate(Dataset<Row> records, List<String> fixed, List<String> aggregates) {
    Dataset<Row> byYear = records.withColumn(TedsCodes.DISCHARGE_YEAR, col(TedsCodes.DISCHARGE_YEAR).cast("string"));
    // A rolled-up payment source reads "all"; a null one is a record without a payer, kept in "all" only.
    return Cube.aggregate(byYear, fixed, DIMENSIONS, aggregates)
        .filter(col(TedsCodes.PAYMENT_SOURCE).isNotNull());
  }
}
