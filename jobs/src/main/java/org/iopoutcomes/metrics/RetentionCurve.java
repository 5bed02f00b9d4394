package org.iopoutcomes.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.stats.KaplanMeier;

/**
 * {@code retention_curve} — Kaplan–Meier estimate of time to dropout, per level of care and per
 * payment source within it ({@code payment_source = all} for the whole level), over episodes admitted
 * on or before as_of:
 * <ul>
 *   <li>time = los_days; the event is dropping out (discharge reason dropped_out or
 *       terminated_by_facility); every other episode, discharged for another reason or still in care,
 *       is censored at its los_days;</li>
 *   <li>one row per distinct day with at least one dropout: at_risk (los_days ≥ day), events,
 *       censored (on that day), survival, its Greenwood standard error and the 95% log-log interval,
 *       as R's {@code survfit(Surv(los_days, dropped_out) ~ 1, conf.type = "log-log")};</li>
 *   <li>median_days: the group's median time to dropout (R's convention), null where the curve stays
 *       above 0.5; episodes and last_observed_day: the group's size and longest los_days, so that
 *       the curve can be drawn to the end of follow-up.</li>
 * </ul>
 * Episodes are counted per (group, day) in Spark; each group's curve, a few hundred points at most,
 * is then computed by the plain-Java {@link KaplanMeier} where the group's counts lie.
 */
public final class RetentionCurve implements GoldTable {

  private static final StructType SCHEMA = Contract.load().table("retention_curve").computedSchema();

  @Override
  public String name() {
    return "retention_curve";
  }

  @Override
  public Dataset<Row> compute(Facts facts) {
    Dataset<Row> episodes = facts.episodes().select("level_of_care", "payment_source", "los_days", "dropped_out");
    Dataset<Row> byPayerAndLevel = episodes.unionByName(episodes.withColumn("payment_source", lit(Facts.ALL)));
    Dataset<Row> counts = byPayerAndLevel
        .groupBy("level_of_care", "payment_source", "los_days")
        .agg(count_if(col("dropped_out")).as("events"), count_if(not(col("dropped_out"))).as("censored"));
    return counts
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0) + "\u0000" + r.getString(1), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) RetentionCurve::curve, Encoders.row(SCHEMA));
  }

  private static Iterator<Row> curve(String group, Iterator<Row> counts) {
    String[] levelAndPayer = group.split("\u0000", -1);
    List<KaplanMeier.TimeCounts> times = new ArrayList<>();
    counts.forEachRemaining(r -> times.add(new KaplanMeier.TimeCounts(r.getInt(2), r.getLong(3), r.getLong(4))));
    List<KaplanMeier.Step> steps = KaplanMeier.estimate(times);
    Integer lastObservedDay = KaplanMeier.lastObservedTime(times);
    Double median = steps.isEmpty() ? null : KaplanMeier.median(steps, lastObservedDay);
    long episodes = times.stream().mapToLong(t -> t.events() + t.censored()).sum();
    List<Row> rows = new ArrayList<>();
    for (KaplanMeier.Step step : steps) {
      rows.add(RowFactory.create(levelAndPayer[0], levelAndPayer[1], step.time(), step.atRisk(), step.events(),
          step.censored(), step.survival(), step.stdErr(), step.ciLow(), step.ciHigh(), median, episodes,
          lastObservedDay));
    }
    return rows.iterator();
  }
}
