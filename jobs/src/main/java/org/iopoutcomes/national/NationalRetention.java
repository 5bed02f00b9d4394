package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.metrics.MetricFunctions;
import org.iopoutcomes.metrics.Retention;

/**
 * {@code national_retention} — over TEDS-D discharges, for every window D of 30, 60, 90 and 180
 * days, per cube cell of discharge year × level of care × payment source (each with {@code all}):
 * <ul>
 *   <li>episodes_eligible: every record, since every TEDS-D record is a discharge;</li>
 *   <li>episodes_retained: records that completed treatment (REASON 1) or whose length of stay is at
 *       least D days; retention_rate = retained / eligible, with its 95% Wilson interval;</li>
 *   <li>episodes_uncertain and approximate: LOS is given in days up to 30 and in bins above (31–45,
 *       46–60, 61–90, 91–120, 121–180, 181–365, more than 365). A bin counts as at least D days only
 *       when its lowest day does. A bin that straddles D (46–60 at 60, 61–90 at 90, 121–180 at 180)
 *       holds records that stayed exactly D days, who are retained, among others who are not: its
 *       records that did not complete are counted as not retained and as uncertain. The exact
 *       retained count lies between episodes_retained and episodes_retained + episodes_uncertain;
 *       approximate = episodes_uncertain &gt; 0. At D = 30 no bin straddles D and the count is exact.</li>
 * </ul>
 * A record counts when its DISYR, SERVICES_D, REASON and LOS are set and mappable; one whose
 * PRIMPAY is missing or unknown counts in the {@code payment_source = all} rows only. A cell has
 * four rows, one per window, when it holds at least one record.
 */
public final class NationalRetention implements NationalTable {

  @Override
  public String name() {
    return "national_retention";
  }

  @Override
  public List<String> needs() {
    return List.of(TedsCodes.DISCHARGE_YEAR, TedsCodes.LEVEL_OF_CARE, TedsCodes.DISCHARGE_REASON,
        TedsCodes.LENGTH_OF_STAY);
  }

  @Override
  public Dataset<Row> compute(Dataset<Row> discharges) {
    Column windows = array(Arrays.stream(Retention.WINDOWS).mapToObj(d -> lit(d)).toArray(Column[]::new));
    Column window = col("window_days");
    Column completed = col(TedsCodes.DISCHARGE_REASON).equalTo("completed");
    Column minDays = col(TedsDischarges.LOS_MIN_DAYS);
    Column maxDays = col(TedsDischarges.LOS_MAX_DAYS);
    Dataset<Row> perWindow = discharges.filter(TedsDischarges.usable(needs()))
        .withColumn("window_days", explode(windows))
        .withColumn("retained", completed.or(minDays.geq(window)))
        .withColumn("uncertain", not(completed).and(minDays.lt(window))
            .and(maxDays.isNull().or(maxDays.geq(window))));
    Dataset<Row> counts = NationalCube.aggregate(perWindow, List.of("window_days"),
        List.of("count(*) AS episodes_eligible",
            "count_if(retained) AS episodes_retained",
            "count_if(uncertain) AS episodes_uncertain"));
    return MetricFunctions.withRates(counts,
        List.of(new MetricFunctions.Rate("episodes_retained", "episodes_eligible", "retention_rate")),
        "episodes_uncertain > 0 AS approximate");
  }
}
