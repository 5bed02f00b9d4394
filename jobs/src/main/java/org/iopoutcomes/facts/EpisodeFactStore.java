package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;

/**
 * The episode facts table ({@code person_level/episode_facts}): the {@link Facts} folded to one row
 * per episode, with its component activity, charges and attended days as arrays.
 *
 * <p>It lets a run recompute only the episodes its batches touched and merge them in one Delta
 * commit. A stored row stays right at a later cut-off as long as the episode has no activity dated
 * between the two cut-offs: everything in it but the outcome is then unchanged, and the outcome
 * (discharged, length of stay, days observed) is derived again from the stored dates at each cut-off
 * ({@link #facts}). Which episodes must be recomputed is {@link TouchedEpisodes}' job.
 */
public final class EpisodeFactStore {

  public static final String TABLE = "episode_facts";
  /** Rows per file when the whole table is written: a few files a merge can mostly leave alone. */
  private static final long ROWS_PER_FILE = 250_000;

  private final SparkSession spark;
  private final Lake lake;
  private final StructType schema;

  public EpisodeFactStore(SparkSession spark, Lake lake, Contract contract) {
    this.spark = spark;
    this.lake = lake;
    this.schema = contract.table(TABLE).sparkSchema();
  }

  public String path() {
    return lake.episodeFacts();
  }

  /** The facts folded to one row per episode, in the table's schema. */
  public Dataset<Row> fold(Facts facts, String runId) {
    Dataset<Row> activity = facts.componentActivity()
        .groupBy(col("episode_id").as("activity_episode_id"))
        .agg(array_sort(collect_list(struct(structFields("component_activity")))).as("component_activity"));
    Dataset<Row> charges = facts.charges()
        .groupBy(col("episode_id").as("charges_episode_id"))
        .agg(array_sort(collect_list(struct(structFields("charges")))).as("charges"));
    Dataset<Row> days = facts.attendedDays()
        .groupBy(col("episode_id").as("days_episode_id"))
        .agg(array_sort(collect_list(col("day"))).as("attended_days"));
    Dataset<Row> episodes = facts.episodes();
    Dataset<Row> joined = episodes
        .join(activity, episodes.col("episode_id").equalTo(activity.col("activity_episode_id")), "left")
        .join(charges, episodes.col("episode_id").equalTo(charges.col("charges_episode_id")), "left")
        .join(days, episodes.col("episode_id").equalTo(days.col("days_episode_id")), "left")
        .withColumn("computed_as_of", lit(Date.valueOf(facts.asOf())))
        .withColumn("run_id", lit(runId));
    return joined.select(Arrays.stream(schema.fields()).map(EpisodeFactStore::conformed).toArray(Column[]::new));
  }

  /** Replaces the whole table (one commit), clustered by admission date. */
  public void replaceAll(Dataset<Row> folded, long episodes) {
    int files = (int) Math.max(1, (episodes + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    // Clustered by admission date, the episodes still in care (those later runs touch) share a few
    // recent files, so a merge rewrites those and leaves the older ones alone.
    if (files == 1) {
      // One file: sorted in one task, without the sampling pass a range partitioning would make.
      write(folded.repartition(1).sortWithinPartitions(col("admission_date"), col("episode_id")));
      return;
    }
    // The range bounds come from a sample of the rows: kept, so that the facts are computed once.
    Dataset<Row> kept = folded.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      write(kept.repartitionByRange(files, col("admission_date"), col("episode_id")));
    } finally {
      kept.unpersist();
    }
  }

  private void write(Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path());
  }

  /**
   * Replaces the rows of the recomputed episodes in one commit. {@code episodeIds} are the episodes
   * recomputed; those without a row in {@code folded} (no longer admitted by the cut-off) are removed.
   */
  public void merge(Dataset<Row> episodeIds, Dataset<Row> folded) {
    Dataset<Row> changes = episodeIds.join(folded, new String[] {"episode_id"}, "left");
    DeltaTable.forPath(spark, path()).as("stored")
        .merge(changes.as("changed"), "stored.episode_id = changed.episode_id")
        .whenMatched("changed.computed_as_of IS NULL").delete()
        .whenMatched().updateAll()
        .whenNotMatched("changed.computed_as_of IS NOT NULL").insertAll()
        .execute();
  }

  /** The stored facts unfolded again, with each episode's outcome at {@code asOf}. */
  public static Facts facts(Dataset<Row> stored, LocalDate asOf) {
    Dataset<Row> inWorld = stored.filter(col("admission_date").leq(lit(Date.valueOf(asOf))));
    Dataset<Row> episodes = EpisodeFacts.outcomes(inWorld, asOf, List.of("total_cost", "attended_minutes"));
    Dataset<Row> activity = inWorld.select(col("episode_id"), explode(col("component_activity")).as("a"))
        .select("episode_id", "a.*");
    Dataset<Row> charges = inWorld
        .select(col("episode_id"), col("level_of_care"), explode(col("charges")).as("c"))
        .select(col("c.cost_id"), col("episode_id"), col("level_of_care"), col("c.payer"), col("c.cost_category"),
            col("c.amount"), col("c.program_component"));
    Dataset<Row> attendedDays = inWorld.select(col("episode_id"), explode(col("attended_days")).as("day"));
    return new Facts(asOf, episodes, activity, charges, attendedDays);
  }

  private Column[] structFields(String arrayColumn) {
    StructType element = (StructType) ((ArrayType) schema.apply(arrayColumn).dataType()).elementType();
    return Arrays.stream(element.fieldNames()).map(name -> col(name)).toArray(Column[]::new);
  }

  /** A column cast to the table's type; an episode with nothing to fold gets an empty array. */
  private static Column conformed(StructField field) {
    Column column = col(field.name()).cast(field.dataType());
    if (field.dataType() instanceof ArrayType) {
      column = coalesce(column, org.apache.spark.sql.functions.array().cast(field.dataType()));
    }
    return column.as(field.name());
  }
}
