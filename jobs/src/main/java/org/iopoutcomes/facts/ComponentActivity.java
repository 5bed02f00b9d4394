package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * What each episode did and cost per program component, up to as_of:
 * <ul>
 *   <li>invitations: attendance rows of sessions dated by as_of;</li>
 *   <li>scheduled: invitations whose status is not cancelled (the program's cancellations are not
 *       scheduled for the client); attended: status attended; missed: no_show + late_cancel;</li>
 *   <li>attended_minutes: sum of minutes_attended;</li>
 *   <li>cost: charges dated by as_of whose session is one of the component's sessions (a charge
 *       without a session is episode-level and belongs to no component).</li>
 * </ul>
 * An episode is <em>exposed</em> to a component when it attended at least one of its sessions.
 */
public final class ComponentActivity {

  private static final Column NO_MONEY = lit(0).cast(DataTypes.createDecimalType(18, 2));

  private ComponentActivity() {}

  public static Dataset<Row> sessionsInWorld(Dataset<Row> sessions, LocalDate asOf) {
    return sessions.filter(col("session_date").leq(lit(Date.valueOf(asOf))))
        .select(col("session_id"), col("program_component"));
  }

  /** One row per (episode, component) the episode was invited to or charged for. */
  public static Dataset<Row> of(Dataset<Row> episodes, Dataset<Row> sessionsInWorld, Dataset<Row> attendance,
      Dataset<Row> charges) {
    Column status = col("status");
    Dataset<Row> invitations = attendance
        .join(sessionsInWorld, "session_id")
        .join(episodes.select("episode_id"), "episode_id")
        .groupBy("episode_id", "program_component")
        .agg(
            count(lit(1)).as("invitations"),
            sum(when(status.notEqual("cancelled"), 1L).otherwise(0L)).as("scheduled"),
            sum(when(status.equalTo("attended"), 1L).otherwise(0L)).as("attended"),
            sum(when(status.isin("no_show", "late_cancel"), 1L).otherwise(0L)).as("missed"),
            sum(coalesce(col("minutes_attended").cast(DataTypes.LongType), lit(0L))).as("attended_minutes"));
    Dataset<Row> componentCost = charges
        .filter(col("program_component").isNotNull())
        .groupBy("episode_id", "program_component")
        .agg(sum("amount").cast(DataTypes.createDecimalType(18, 2)).as("cost"));
    return invitations.join(componentCost, new String[] {"episode_id", "program_component"}, "full")
        .select(
            col("episode_id"), col("program_component"),
            coalesce(col("invitations"), lit(0L)).as("invitations"),
            coalesce(col("scheduled"), lit(0L)).as("scheduled"),
            coalesce(col("attended"), lit(0L)).as("attended"),
            coalesce(col("missed"), lit(0L)).as("missed"),
            coalesce(col("attended_minutes"), lit(0L)).as("attended_minutes"),
            coalesce(col("cost"), NO_MONEY).as("cost"),
            coalesce(col("attended"), lit(0L)).gt(0).as("exposed"));
  }

  /**
   * Charges dated by as_of of episodes in the world, with the episode's level of care and the
   * component of the charge's session (null for an episode-level charge, or a session after as_of).
   */
  public static Dataset<Row> charges(Dataset<Row> costs, Dataset<Row> episodes, Dataset<Row> sessionsInWorld,
      LocalDate asOf) {
    return costs
        .filter(col("service_date").leq(lit(Date.valueOf(asOf))))
        .join(episodes.select("episode_id", "level_of_care"), "episode_id")
        .join(sessionsInWorld, costs.col("session_id").equalTo(sessionsInWorld.col("session_id")), "left")
        .select(costs.col("cost_id"), col("episode_id"), col("level_of_care"), costs.col("payer"),
            costs.col("cost_category"), costs.col("amount"), sessionsInWorld.col("program_component"));
  }

  /** Attended sessions dated by as_of: episode_id, day (days from admission to the session). */
  public static Dataset<Row> attendedDays(Dataset<Row> episodes, Dataset<Row> sessions, Dataset<Row> attendance,
      LocalDate asOf) {
    return attendance
        .filter(col("status").equalTo("attended"))
        .join(sessions.filter(col("session_date").leq(lit(Date.valueOf(asOf)))), "session_id")
        .join(episodes.select("episode_id", "admission_date"), "episode_id")
        .select(col("episode_id"), datediff(col("session_date"), col("admission_date")).as("day"));
  }

  /** Each episode's total cost (every charge) and attended minutes, keyed by totals_episode_id. */
  public static Dataset<Row> episodeTotals(Dataset<Row> componentActivity, Dataset<Row> charges) {
    Dataset<Row> cost = charges.groupBy("episode_id")
        .agg(sum("amount").cast(DataTypes.createDecimalType(18, 2)).as("total_cost"));
    Dataset<Row> minutes = componentActivity.groupBy("episode_id")
        .agg(sum("attended_minutes").as("attended_minutes"));
    return cost.join(minutes, new String[] {"episode_id"}, "full")
        .withColumnRenamed("episode_id", "totals_episode_id");
  }
}
