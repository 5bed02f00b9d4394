package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.EpisodeGroups;
import org.iopoutcomes.facts.Facts;

/**
 * {@code engagement} — treatment initiation and engagement in the spirit of HEDIS IET, over episodes
 * admitted on or before as_of, per cube cell of level of care × program component × payment source.
 * Day d of an episode is d days after admission; only attended sessions dated by as_of count.
 * <ul>
 *   <li><em>initiated</em>: an attended session on day 0 to 14; the first such session is the
 *       initiating one;</li>
 *   <li><em>engaged</em>: initiated, and at least two more attended sessions on days after the
 *       initiating day and at most 34 days after it (two sessions on one later day count as two);</li>
 *   <li>a fixed follow-up decides who is judged, never the outcome: an episode is in the initiation
 *       denominator when as_of − admission ≥ 14 and in the engagement denominator when
 *       as_of − admission ≥ 48 (14 + 34), whatever happened to it, an early discharge included; an
 *       episode still inside its window does not enter early because it already initiated or engaged
 *       (only successes could, which would flatter recent cohorts);</li>
 *   <li>initiation_rate = initiated / eligible for initiation, engagement_rate = engaged / eligible
 *       for engagement, each with its 95% Wilson interval.</li>
 * </ul>
 * A cell has a row when it holds at least one episode.
 */
public final class Engagement implements GoldTable {

  static final int INITIATION_DAYS = 14;
  static final int ENGAGEMENT_DAYS = 34;
  static final int MORE_SESSIONS = 2;
  /** The follow-up an episode needs before its engagement is judged: the latest possible initiation
   * day plus the engagement window. */
  static final int ENGAGEMENT_FOLLOW_UP_DAYS = INITIATION_DAYS + ENGAGEMENT_DAYS;

  @Override
  public String name() {
    return "engagement";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> flags = episodeFlags(facts);
    Dataset<Row> groups = EpisodeGroups.byComponent(facts).join(flags, "episode_id");
    Dataset<Row> counts = Cube.byLevelComponentPayer(groups, List.of(),
        List.of("count_if(eligible_initiation) AS episodes_eligible_initiation",
            "count_if(eligible_initiation AND initiated) AS episodes_initiated",
            "count_if(eligible_engagement) AS episodes_eligible_engagement",
            "count_if(eligible_engagement AND engaged) AS episodes_engaged"));
    return MetricFunctions.withRates(counts, List.of(
        new MetricFunctions.Rate("episodes_initiated", "episodes_eligible_initiation", "initiation_rate"),
        new MetricFunctions.Rate("episodes_engaged", "episodes_eligible_engagement", "engagement_rate")));
  }

  /** Per episode: initiated, engaged, and whether each can be judged at as_of. */
  static Dataset<Row> episodeFlags(Facts facts) {
    Dataset<Row> attended = facts.attendedDays();
    Dataset<Row> initiation = attended
        .filter(col("day").between(0, INITIATION_DAYS))
        .groupBy("episode_id").agg(min("day").as("initiation_day"));
    Dataset<Row> later = attended.join(initiation, "episode_id")
        .filter(col("day").gt(col("initiation_day")).and(col("day").leq(col("initiation_day").plus(ENGAGEMENT_DAYS))))
        .groupBy("episode_id").agg(count(lit(1)).as("later_sessions"));
    Dataset<Row> episodes = facts.episodes().select("episode_id", "days_observed")
        .join(initiation, new String[] {"episode_id"}, "left")
        .join(later, new String[] {"episode_id"}, "left");
    Column initiated = col("initiation_day").isNotNull();
    Column engaged = initiated.and(col("later_sessions").geq(MORE_SESSIONS));
    return episodes.select(
        col("episode_id"),
        initiated.as("initiated"),
        when(engaged, true).otherwise(false).as("engaged"),
        col("days_observed").geq(INITIATION_DAYS).as("eligible_initiation"),
        col("days_observed").geq(ENGAGEMENT_FOLLOW_UP_DAYS).as("eligible_engagement"));
  }
}
