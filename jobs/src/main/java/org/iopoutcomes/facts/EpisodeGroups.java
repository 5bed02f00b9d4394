package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Episodes in the program_component dimension of the cube (metrics.md, "Groups"): each episode
 * once with program_component = all, carrying its total cost and attended minutes, and once more
 * for every component it was exposed to (attended at least one session of), carrying the cost
 * attributed to that component and the minutes of its sessions.
 */
public final class EpisodeGroups {

  private EpisodeGroups() {}

  public static Dataset<Row> byComponent(Facts facts) {
    Dataset<Row> episodes = facts.episodes();
    Dataset<Row> everyEpisode = episodes
        .withColumn("program_component", lit(Facts.ALL))
        .withColumn("group_cost", col("total_cost"))
        .withColumn("group_attended_minutes", col("attended_minutes"));
    Dataset<Row> exposed = facts.componentActivity()
        .filter(col("exposed"))
        .select(col("episode_id"), col("program_component"),
            col("cost").as("group_cost"), col("attended_minutes").as("group_attended_minutes"));
    Dataset<Row> perComponent = episodes.join(exposed, "episode_id");
    return everyEpisode.unionByName(perComponent);
  }

  /** The groups of the episodes discharged on or before as_of: the cohort of completion and cost. */
  public static Dataset<Row> discharged(Facts facts) {
    return byComponent(facts).filter(col("discharged"));
  }
}
