package org.iopoutcomes.facts;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds the {@link Facts} of a cut-off from the silver tables. */
public final class FactsBuilder {

  /** Episode columns the facts keep as they are, so that the outcome can be derived again later. */
  static final List<String> EPISODE_DATES_KEPT = List.of("discharge_date", "discharge_reason");

  private FactsBuilder() {}

  public static Facts build(Dataset<Row> episodes, Dataset<Row> sessions, Dataset<Row> attendance,
      Dataset<Row> costs, LocalDate asOf) {
    Dataset<Row> outcomes = EpisodeFacts.outcomes(episodes, asOf, EPISODE_DATES_KEPT);
    Dataset<Row> sessionsInWorld = ComponentActivity.sessionsInWorld(sessions, asOf);
    Dataset<Row> charges = ComponentActivity.charges(costs, outcomes, sessionsInWorld, asOf);
    Dataset<Row> activity = ComponentActivity.of(outcomes, sessionsInWorld, attendance, charges);
    Dataset<Row> episodeFacts = EpisodeFacts.withTotals(outcomes, ComponentActivity.episodeTotals(activity, charges));
    Dataset<Row> attendedDays = ComponentActivity.attendedDays(outcomes, sessions, attendance, asOf);
    return new Facts(asOf, episodeFacts, activity, charges, attendedDays);
  }

  /**
   * The facts of the given episodes only ({@code episodeIds}: one column episode_id): what an
   * incremental run recomputes. Each episode's facts are the same as in a build over all episodes.
   */
  public static Facts buildFor(Dataset<Row> episodeIds, Dataset<Row> episodes, Dataset<Row> sessions,
      Dataset<Row> attendance, Dataset<Row> costs, LocalDate asOf) {
    return build(
        episodes.join(episodeIds, episodes.col("episode_id").equalTo(episodeIds.col("episode_id")), "left_semi"),
        sessions,
        attendance.join(episodeIds, attendance.col("episode_id").equalTo(episodeIds.col("episode_id")), "left_semi"),
        costs.join(episodeIds, costs.col("episode_id").equalTo(episodeIds.col("episode_id")), "left_semi"),
        asOf);
  }
}
