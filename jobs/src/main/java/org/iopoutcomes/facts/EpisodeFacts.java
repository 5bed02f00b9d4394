package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * One row per episode admitted on or before as_of, with its outcome at as_of (metrics.md, "Episode
 * facts"):
 * <ul>
 *   <li>{@code discharged}: discharge_date is set and not after as_of (a later discharge counts as
 *       still in care);</li>
 *   <li>{@code los_days}: days from admission to discharge, or to as_of while in care (same day = 0);</li>
 *   <li>{@code completed}: discharged with reason completed;</li>
 *   <li>{@code dropped_out}: discharged with reason dropped_out or terminated_by_facility;</li>
 *   <li>{@code transferred}: discharged with reason transferred;</li>
 *   <li>{@code days_observed}: as_of − admission_date, which decides eligibility for retention;</li>
 *   <li>{@code total_cost}: every charge dated by as_of, adjustments included;</li>
 *   <li>{@code attended_minutes}: minutes attended in sessions dated by as_of.</li>
 * </ul>
 */
public final class EpisodeFacts {

  private EpisodeFacts() {}

  /** Episodes in the world at as_of, with their outcome columns. */
  public static Dataset<Row> outcomes(Dataset<Row> episodes, LocalDate asOf) {
    return outcomes(episodes, asOf, List.of());
  }

  /**
   * Episodes in the world at as_of, with their outcome columns and the {@code carried} columns of
   * {@code episodes} as they are. The outcome depends on as_of only through the episode's own dates,
   * so it can be derived again at every cut-off from a stored row.
   */
  public static Dataset<Row> outcomes(Dataset<Row> episodes, LocalDate asOf, List<String> carried) {
    Column cutOff = lit(Date.valueOf(asOf));
    Column discharged = col("discharge_date").isNotNull().and(col("discharge_date").leq(cutOff));
    Column reason = col("discharge_reason");
    List<Column> columns = new ArrayList<>(List.of(
        col("episode_id"), col("level_of_care"), col("payment_source"), col("program_id"),
        col("age_group"), col("sex"), col("primary_substance"),
        col("co_occurring_mental_health"), col("prior_treatment_episodes"),
        col("admission_date"),
        discharged.as("discharged"),
        datediff(when(discharged, col("discharge_date")).otherwise(cutOff), col("admission_date")).as("los_days"),
        discharged.and(reason.equalTo("completed")).as("completed"),
        discharged.and(reason.isin("dropped_out", "terminated_by_facility")).as("dropped_out"),
        discharged.and(reason.equalTo("transferred")).as("transferred"),
        datediff(cutOff, col("admission_date")).as("days_observed")));
    carried.forEach(c -> columns.add(col(c)));
    return episodes
        .filter(col("admission_date").leq(cutOff))
        .select(columns.toArray(Column[]::new));
  }

  /** Adds each episode's total cost and attended minutes from its component activity. */
  public static Dataset<Row> withTotals(Dataset<Row> outcomes, Dataset<Row> episodeTotals) {
    return outcomes.join(episodeTotals, outcomes.col("episode_id").equalTo(episodeTotals.col("totals_episode_id")), "left")
        .drop("totals_episode_id")
        .withColumn("total_cost", coalesce(col("total_cost"), lit(0).cast(DataTypes.createDecimalType(18, 2))))
        .withColumn("attended_minutes", coalesce(col("attended_minutes"), lit(0L)));
  }
}
