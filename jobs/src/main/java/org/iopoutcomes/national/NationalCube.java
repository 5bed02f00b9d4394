package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * Aggregates over the national cube: {@code GROUP BY fixed..., CUBE(discharge_year, level_of_care,
 * payment_source)}, with the literal {@code all} in a rolled-up dimension. A record whose payment
 * source is missing counts in the {@code payment_source = all} rows and in no payer's row (there is
 * no row with a null payment_source), so payers need not add up to {@code all}.
 */
final class NationalCube {

  static final List<String> DIMENSIONS = List.of(
      TedsCodes.DISCHARGE_YEAR, TedsCodes.LEVEL_OF_CARE, TedsCodes.PAYMENT_SOURCE);

  private static final AtomicLong VIEWS = new AtomicLong();
  private static final String PAYER_ROLLED_UP = "payer_rolled_up";

  private NationalCube() {}

  /**
   * @param fixed columns held as they are (the retention window), never rolled up
   * @param aggregates SQL aggregate expressions with their aliases, e.g. {@code "count(*) AS n"}
   */
  static Dataset<Row> aggregate(Dataset<Row> records, List<String> fixed, List<String> aggregates) {
    String view = "national_cube_" + VIEWS.incrementAndGet();
    records.withColumn(TedsCodes.DISCHARGE_YEAR, col(TedsCodes.DISCHARGE_YEAR).cast("string"))
        .createOrReplaceTempView(view);
    List<String> select = new ArrayList<>(fixed);
    for (String dimension : DIMENSIONS) {
      select.add("CASE WHEN grouping(" + dimension + ") = 1 THEN '" + Facts.ALL + "' ELSE " + dimension
          + " END AS " + dimension);
    }
    select.add("grouping(" + TedsCodes.PAYMENT_SOURCE + ") AS " + PAYER_ROLLED_UP);
    select.addAll(aggregates);
    List<String> groupBy = new ArrayList<>(fixed);
    groupBy.add("CUBE(" + String.join(", ", DIMENSIONS) + ")");
    Dataset<Row> cube = records.sparkSession().sql(
        "SELECT " + String.join(", ", select) + " FROM " + view + " GROUP BY " + String.join(", ", groupBy));
    records.sparkSession().catalog().dropTempView(view);
    return cube
        .filter(col(PAYER_ROLLED_UP).equalTo(1).or(col(TedsCodes.PAYMENT_SOURCE).isNotNull()))
        .drop(PAYER_ROLLED_UP);
  }
}
