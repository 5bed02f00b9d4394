package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * {@code attendance} — counts invitations (attendance rows of sessions dated on or before as_of),
 * not episodes. For a component c: the invitations to c's sessions of the episodes in the level of
 * care × payment source group, whether or not the episode ever attended one; for {@code all}:
 * every invitation of every episode in the group.
 * <ul>
 *   <li>sessions_scheduled: invitations whose status is not cancelled (a program's cancellation is
 *       not scheduled for the client); sessions_attended: status attended;</li>
 *   <li>attendance_rate = attended / scheduled; missed_rate = (no_show + late_cancel) / scheduled;
 *       null when nothing was scheduled;</li>
 *   <li>attended_hours = sum of minutes_attended / 60.</li>
 * </ul>
 * No Wilson interval: invitations of one episode are not independent trials. Every group of episodes
 * has its row, as in the other cube tables: a level of care × payment source group whose episodes had
 * no invitation has one with program_component {@code all}, counts 0 and rates null; a component's
 * row exists where there are invitations to that component's sessions.
 */
public final class Attendance implements GoldTable {

  @Override
  public String name() {
    return "attendance";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> episodes = facts.episodes().select("episode_id", "level_of_care", "payment_source");
    Dataset<Row> perComponent = facts.componentActivity()
        .filter(col("invitations").gt(0))
        .join(episodes, "episode_id")
        .select("level_of_care", "payment_source", "program_component",
            "scheduled", "attended", "missed", "attended_minutes");
    // Every episode's group is in the all-components rows, with no invitation if it had none.
    Dataset<Row> everyGroup = episodes.select("level_of_care", "payment_source").distinct()
        .withColumn("scheduled", lit(0L)).withColumn("attended", lit(0L)).withColumn("missed", lit(0L))
        .withColumn("attended_minutes", lit(0L));
    Dataset<Row> allComponents = perComponent.drop("program_component").unionByName(everyGroup)
        .groupBy("level_of_care", "payment_source")
        .agg(sum("scheduled").as("scheduled"), sum("attended").as("attended"), sum("missed").as("missed"),
            sum("attended_minutes").as("attended_minutes"))
        .withColumn("program_component", lit(Facts.ALL));
    Dataset<Row> invitations = perComponent.unionByName(allComponents);
    Dataset<Row> counts = Cube.byLevelComponentPayer(invitations, List.of(),
        List.of("CAST(sum(scheduled) AS BIGINT) AS sessions_scheduled",
            "CAST(sum(attended) AS BIGINT) AS sessions_attended",
            "CAST(sum(missed) AS BIGINT) AS sessions_missed",
            "CAST(sum(attended_minutes) AS DOUBLE) / 60 AS attended_hours"));
    return counts.selectExpr("*",
        MetricFunctions.rate("sessions_attended", "sessions_scheduled", "attendance_rate"),
        MetricFunctions.rate("sessions_missed", "sessions_scheduled", "missed_rate"));
  }
}
