package org.iopoutcomes.facts;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The facts every metric is computed from, as the world was known on {@code asOf}.
 *
 * @param episodes one row per episode admitted by as_of ({@link EpisodeFacts})
 * @param componentActivity one row per episode and program component it was invited to or
 *     charged for ({@link ComponentActivity})
 * @param charges one row per charge dated by as_of of an episode admitted by as_of, with the
 *     episode's level of care and the component it is attributed to ({@link ComponentActivity#charges})
 * @param attendedDays one row per attended session (dated by as_of) of an episode: episode_id and
 *     day, the days from admission to the session ({@link ComponentActivity#attendedDays})
 */
public record Facts(LocalDate asOf, Dataset<Row> episodes, Dataset<Row> componentActivity, Dataset<Row> charges,
    Dataset<Row> attendedDays) {

  public static final String ALL = "all";
}
