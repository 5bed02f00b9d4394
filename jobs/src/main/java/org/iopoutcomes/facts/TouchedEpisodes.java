package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.lake.Lake;

/**
 * The episodes whose stored facts a run must recompute, given the silver versions and cut-off of
 * the last succeeded run:
 * <ol>
 *   <li>every episode named by a silver row changed since then, before or after the change (Delta's
 *       change data feed of episodes, attendance and costs);</li>
 *   <li>for a session changed or removed since then, the episodes with attendance or charges on it
 *       (a new session can only be referenced by rows that are new as well);</li>
 *   <li>when the cut-off moved forward, the episodes with rows dated between the two cut-offs that
 *       were already in silver: admitted, charged, or invited to a session in that window.</li>
 * </ol>
 * Any other episode has the same facts at the new cut-off as at the old one but for its outcome,
 * which {@link EpisodeFactStore#facts} derives again.
 */
public final class TouchedEpisodes {

  private static final String CHANGE_TYPE = "_change_type";
  private static final List<String> ENTITIES = List.of("episodes", "sessions", "attendance", "costs");

  private final SparkSession spark;
  private final Lake lake;

  public TouchedEpisodes(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /**
   * The touched episode ids (one column, episode_id, distinct), or empty where the change data
   * feed cannot tell (a silver table written without it): then everything must be recomputed.
   *
   * @param lastVersions silver versions of the last succeeded run, by entity (absent: no table then)
   */
  public Optional<Dataset<Row>> since(Map<String, Long> lastVersions, LocalDate lastAsOf, LocalDate asOf) {
    for (String entity : ENTITIES) {
      if (lake.exists(lake.silver(entity)) && !recordsChanges(lake.silver(entity))) {
        return Optional.empty();
      }
    }
    List<Dataset<Row>> ids = new ArrayList<>();
    changes("episodes", lastVersions).ifPresent(c -> ids.add(c.select("episode_id")));
    changes("attendance", lastVersions).ifPresent(c -> ids.add(c.select("episode_id")));
    changes("costs", lastVersions).ifPresent(c -> ids.add(c.select("episode_id")));
    List<Dataset<Row>> sessionIds = new ArrayList<>();
    changes("sessions", lastVersions).ifPresent(c ->
        sessionIds.add(c.filter(col(CHANGE_TYPE).notEqual("insert")).select("session_id")));

    if (asOf.isAfter(lastAsOf)) {
      Column window = lit(Date.valueOf(lastAsOf));
      Column until = lit(Date.valueOf(asOf));
      before("episodes", lastVersions).ifPresent(e -> ids.add(
          e.filter(col("admission_date").gt(window).and(col("admission_date").leq(until))).select("episode_id")));
      before("costs", lastVersions).ifPresent(c -> ids.add(
          c.filter(col("service_date").gt(window).and(col("service_date").leq(until))).select("episode_id")));
      before("sessions", lastVersions).ifPresent(s -> sessionIds.add(
          s.filter(col("session_date").gt(window).and(col("session_date").leq(until))).select("session_id")));
    }
    Dataset<Row> sessions = sessionIds.stream().reduce(Dataset::union).map(Dataset::distinct).orElse(null);
    // Usually no earlier session changed: then the large attendance and cost tables are not scanned.
    // (Not cached: the test reads a small table, and a cache here would outlive the run.)
    if (sessions != null && !sessions.isEmpty()) {
      for (String entity : List.of("attendance", "costs")) {
        if (lake.exists(lake.silver(entity))) {
          Dataset<Row> rows = lake.read(lake.silver(entity));
          ids.add(rows.join(sessions, rows.col("session_id").equalTo(sessions.col("session_id")), "left_semi")
              .select("episode_id"));
        }
      }
    }
    if (ids.isEmpty()) {
      return Optional.of(spark.emptyDataFrame().selectExpr("CAST(NULL AS STRING) AS episode_id").limit(0));
    }
    return Optional.of(ids.stream().reduce(Dataset::union).orElseThrow().filter(col("episode_id").isNotNull())
        .distinct());
  }

  /** The entity's silver changes since the last succeeded run, if the table changed at all. */
  private Optional<Dataset<Row>> changes(String entity, Map<String, Long> lastVersions) {
    String path = lake.silver(entity);
    if (!lake.exists(path)) {
      return Optional.empty();
    }
    long from = lastVersions.getOrDefault(entity, -1L) + 1;
    long to = lake.version(path);
    if (from > to) {
      return Optional.empty();
    }
    return Optional.of(spark.read().format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", from)
        .option("endingVersion", to)
        .load(path));
  }

  /** The entity's silver rows as the last succeeded run left them. */
  private Optional<Dataset<Row>> before(String entity, Map<String, Long> lastVersions) {
    Long version = lastVersions.get(entity);
    return version == null ? Optional.empty() : Optional.of(lake.read(lake.silver(entity), version));
  }

  private boolean recordsChanges(String path) {
    return "true".equals(DeltaTable.forPath(spark, path).detail().select("properties").first()
        .<String, String>getJavaMap(0).get(CHANGE_DATA_FEED));
  }

  /** The table property that makes Delta record row-level changes. */
  public static final String CHANGE_DATA_FEED = "delta.enableChangeDataFeed";
}
