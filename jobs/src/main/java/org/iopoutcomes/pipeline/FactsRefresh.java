package org.iopoutcomes.pipeline;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.facts.EpisodeFactStore;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.facts.FactsBuilder;
import org.iopoutcomes.facts.TouchedEpisodes;
import org.iopoutcomes.ingest.SilverTables;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.RunLog;

/**
 * Brings the episode facts table up to a run's cut-off. Incrementally where the last succeeded run
 * left facts this run can build on: only the episodes the new batches (or the move of the cut-off)
 * touched are recomputed and merged, so a daily run costs in proportion to the day's data. In full
 * otherwise: on the first run, when asked, when the cut-off moves back, when the code changed, or
 * when the facts table is not the one the last succeeded run left (a run was killed after writing it).
 */
final class FactsRefresh {

  static final String FULL = "full";
  static final String INCREMENTAL = "incremental";

  /** How the facts were brought up to date; {@code why} says why a refresh was full. */
  record Outcome(String mode, long episodesRecomputed, String why) {}

  private final SparkSession spark;
  private final Lake lake;
  private final Contract contract;
  private final EpisodeFactStore store;

  FactsRefresh(SparkSession spark, Lake lake, Contract contract) {
    this.spark = spark;
    this.lake = lake;
    this.contract = contract;
    this.store = new EpisodeFactStore(spark, lake, contract);
  }

  Outcome refresh(Optional<RunLog.Succeeded> last, LocalDate asOf, String runId, boolean fullAsked,
      String codeVersion) {
    String why = whyFull(last, asOf, fullAsked, codeVersion);
    if (why == null) {
      Optional<Dataset<Row>> touched = new TouchedEpisodes(spark, lake)
          .since(silverVersions(last.orElseThrow().tableVersions()), last.get().asOf(), asOf);
      if (touched.isPresent()) {
        return incremental(touched.get(), asOf, runId);
      }
      why = "the silver tables do not record their changes";
    }
    return full(asOf, runId, why);
  }

  private String whyFull(Optional<RunLog.Succeeded> last, LocalDate asOf, boolean fullAsked, String codeVersion) {
    if (fullAsked) {
      return "asked for (--full-recompute)";
    }
    if (last.isEmpty() || last.get().asOf() == null) {
      return "no earlier run on this lake";
    }
    Long factsVersion = last.get().tableVersions().get(EpisodeFactStore.TABLE);
    if (factsVersion == null || !lake.exists(store.path())) {
      return "no episode facts from an earlier run";
    }
    if (asOf.isBefore(last.get().asOf())) {
      return "the cut-off " + asOf + " is before the last run's " + last.get().asOf();
    }
    if (!codeVersion.equals(last.get().codeVersion())) {
      return "the code changed since the last run (" + last.get().codeVersion() + " -> " + codeVersion + ")";
    }
    if (lake.version(store.path()) != factsVersion) {
      return "the episode facts changed after the last succeeded run (a run stopped half-way)";
    }
    return null;
  }

  private Outcome incremental(Dataset<Row> touched, LocalDate asOf, String runId) {
    touched.persist();
    try {
      long episodes = touched.count();
      if (episodes > 0) {
        SilverTables silver = new SilverTables(spark, lake);
        Facts facts = FactsBuilder.buildFor(touched, silver.read(contract.entity("episodes")),
            silver.read(contract.entity("sessions")), silver.read(contract.entity("attendance")),
            silver.read(contract.entity("costs")), asOf);
        // Persisted because the merge reads its source twice (to find the files, then to write).
        Dataset<Row> folded = store.fold(facts, runId).persist();
        try {
          store.merge(touched, folded);
        } finally {
          folded.unpersist();
        }
      }
      return new Outcome(INCREMENTAL, episodes, null);
    } finally {
      touched.unpersist();
    }
  }

  private Outcome full(LocalDate asOf, String runId, String why) {
    SilverTables silver = new SilverTables(spark, lake);
    Dataset<Row> episodes = silver.read(contract.entity("episodes"));
    Facts facts = FactsBuilder.build(episodes, silver.read(contract.entity("sessions")),
        silver.read(contract.entity("attendance")), silver.read(contract.entity("costs")), asOf);
    store.replaceAll(store.fold(facts, runId), episodes.count());
    // The rows the replacing commit wrote: one per episode admitted by the cut-off.
    return new Outcome(FULL, lake.rowsWrittenByLastCommit(store.path()), why);
  }

  /** The silver versions among a run's table versions, by entity. */
  private Map<String, Long> silverVersions(Map<String, Long> tableVersions) {
    Map<String, Long> versions = new TreeMap<>();
    for (String entity : contract.entityOrder()) {
      Long version = tableVersions.get("silver_" + entity);
      if (version != null) {
        versions.put(entity, version);
      }
    }
    return versions;
  }
}
