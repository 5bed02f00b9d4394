package org.iopoutcomes.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * Aggregates over a cube: {@code GROUP BY fixed..., CUBE(dimensions...)}, with the literal
 * {@code all} in a rolled-up dimension. Dimensions held fixed (program_component, which already
 * carries its own {@code all} rows; the retention window) are never rolled up.
 */
public final class Cube {

  private static final AtomicLong VIEWS = new AtomicLong();
  private static final List<String> LEVEL_AND_PAYER = List.of("level_of_care", "payment_source");

  private Cube() {}

  /**
   * The cube of metrics.md, "Groups": level of care × payment source rolled up, program component
   * (and any other {@code fixed} column) held as it is.
   */
  static Dataset<Row> byLevelComponentPayer(Dataset<Row> input, List<String> fixed, List<String> aggregates) {
    List<String> held = new ArrayList<>(List.of("program_component"));
    held.addAll(fixed);
    return aggregate(input, held, LEVEL_AND_PAYER, aggregates);
  }

  /**
   * @param aggregates SQL aggregate expressions with their aliases, e.g. {@code "count(*) AS n"}
   */
  public static Dataset<Row> aggregate(Dataset<Row> input, List<String> fixed, List<String> dimensions,
      List<String> aggregates) {
    String view = "cube_input_" + VIEWS.incrementAndGet();
    input.createOrReplaceTempView(view);
    List<String> select = new ArrayList<>(fixed);
    for (String dimension : dimensions) {
      select.add("CASE WHEN grouping(" + dimension + ") = 1 THEN '" + Facts.ALL + "' ELSE " + dimension
          + " END AS " + dimension);
    }
    select.addAll(aggregates);
    List<String> groupBy = new ArrayList<>(fixed);
    groupBy.add("CUBE(" + String.join(", ", dimensions) + ")");
    Dataset<Row> result = input.sparkSession().sql(
        "SELECT " + String.join(", ", select) + " FROM " + view + " GROUP BY " + String.join(", ", groupBy));
    // The plan is resolved; the name is no longer needed.
    input.sparkSession().catalog().dropTempView(view);
    return result;
  }
}
