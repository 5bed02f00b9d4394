package org.iopoutcomes.facts;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds the {@link Facts} of a cut-off from the silver tables. */
public final class FactsBuilder {

  private FactsBuilder() {}

  public static Facts build(Dataset<Row> episodes, Dataset<Row> sessions, Dataset<Row> attendance,
      Dataset<Row> costs, LocalDate asOf) {
    Dataset<Row> outcomes = EpisodeFacts.outcomes(episodes, asOf);
    Dataset<Row> sessionsInWorld = ComponentActivity.sessionsInWorld(sessions, asOf);
    Dataset<Row> charges = ComponentActivity.charges(costs, outcomes, sessionsInWorld, asOf);
    Dataset<Row> activity = ComponentActivity.of(outcomes, sessionsInWorld, attendance, charges);
    Dataset<Row> episodeFacts = EpisodeFacts.withTotals(outcomes, ComponentActivity.episodeTotals(activity, charges));
    Dataset<Row> attendedDays = ComponentActivity.attendedDays(outcomes, sessions, attendance, asOf);
    return new Facts(asOf, episodeFacts, activity, charges, attendedDays);
  }
}
