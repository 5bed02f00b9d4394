package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.metrics.Completion;
import org.iopoutcomes.metrics.MetricFunctions;

/**
 * {@code national_completion} — over TEDS-D discharges, per cube cell of discharge year × level of
 * care × payment source (each with {@code all}), the same measures as the program's
 * {@code completion} table:
 * <ul>
 *   <li>episodes_discharged: the records (every TEDS-D record is a discharge);</li>
 *   <li>episodes_completed: REASON 1, treatment completed; completion_rate = completed / discharged,
 *       with its 95% Wilson interval;</li>
 *   <li>episodes_dropped_out: REASON 2, dropped out, or 3, terminated by facility; dropout_rate with
 *       its Wilson interval;</li>
 *   <li>episodes_transferred: REASON 4, transferred to another program or facility.</li>
 * </ul>
 * A record counts when its DISYR, SERVICES_D and REASON are set and mappable; one whose PRIMPAY is
 * missing or unknown counts in the {@code payment_source = all} rows only. A cell has a row when it
 * holds at least one record.
 */
public final class NationalCompletion implements NationalTable {

  @Override
  public String name() {
    return "national_completion";
  }

  @Override
  public List<String> needs() {
    return List.of(TedsCodes.DISCHARGE_YEAR, TedsCodes.LEVEL_OF_CARE, TedsCodes.DISCHARGE_REASON);
  }

  @Override
  public Dataset<Row> compute(Dataset<Row> discharges) {
    Column reason = col(TedsCodes.DISCHARGE_REASON);
    Dataset<Row> used = discharges.filter(TedsDischarges.usable(needs()))
        .withColumn("completed", reason.equalTo("completed"))
        .withColumn("dropped_out", reason.isin("dropped_out", "terminated_by_facility"))
        .withColumn("transferred", reason.equalTo("transferred"));
    return MetricFunctions.withRates(NationalCube.aggregate(used, List.of(), Completion.COUNTS), Completion.RATES);
  }
}
