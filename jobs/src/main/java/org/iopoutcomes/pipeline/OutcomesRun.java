package org.iopoutcomes.pipeline;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.facts.CutOff;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.facts.FactsBuilder;
import org.iopoutcomes.ingest.BatchIngest;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.ingest.SilverTables;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.lake.RunLock;
import org.iopoutcomes.metrics.GoldTable;
import org.iopoutcomes.metrics.GoldTables;
import org.iopoutcomes.metrics.MetricFunctions;
import org.iopoutcomes.privacy.SuppressedCells;
import org.iopoutcomes.publish.DashboardViews;
import org.iopoutcomes.publish.GoldPublisher;
import org.iopoutcomes.publish.RunLog;

/**
 * The whole pipeline, in the order data flows: check every input file, ingest the batches one after
 * the other into silver and quarantine, fix the cut-off, build the episode facts, publish the gold
 * tables, and log the run.
 */
public final class OutcomesRun {

  /** What to run on. {@code asOf} is null for the default (the latest date in the batches). */
  public record Options(List<String> inputs, String lake, LocalDate asOf, GoldTables.Bootstrap bootstrap,
      RejectLimit rejectLimit, int minCellSize) {
    /** Counts below this are hidden in the dashboard views. */
    public static final int DEFAULT_MIN_CELL_SIZE = 11;

    public Options(List<String> inputs, String lake, LocalDate asOf) {
      this(inputs, lake, asOf, GoldTables.Bootstrap.DEFAULT, RejectLimit.DEFAULT, DEFAULT_MIN_CELL_SIZE);
    }

    public Options(List<String> inputs, String lake, LocalDate asOf, GoldTables.Bootstrap bootstrap,
        RejectLimit rejectLimit) {
      this(inputs, lake, asOf, bootstrap, rejectLimit, DEFAULT_MIN_CELL_SIZE);
    }
  }

  /** What a run did. */
  public record Result(String runId, LocalDate asOf, List<FileCount> inputs, Map<String, Long> goldRows) {
    public long rowsQuarantined() {
      return inputs.stream().mapToLong(FileCount::rowsQuarantined).sum();
    }
  }

  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final Contract contract;
  private final Progress progress;

  public OutcomesRun(SparkSession spark, Progress progress) {
    this.spark = spark;
    this.contract = Contract.load();
    this.progress = progress;
    MetricFunctions.register(spark);
  }

  public Result run(Options options) {
    Instant startedAt = Instant.now();
    String runId = RUN_ID_TIME.format(startedAt) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Lake lake = new Lake(spark, options.lake());
    RunLog runLog = new RunLog(spark, lake, contract);
    BatchIngest ingest = new BatchIngest(spark, contract, lake, runId);

    // File-level refusals come first, before anything is written.
    List<BatchIngest.CheckedBatch> batches = options.inputs().stream().map(ingest::check).toList();
    progress.say("run " + runId + ": " + batches.size() + " batch(es) into " + lake.root());

    List<FileCount> counts = new ArrayList<>();
    LocalDate asOf = options.asOf();
    try (RunLock lock = RunLock.acquire(spark, lake, runId)) {
      try {
        for (BatchIngest.CheckedBatch batch : batches) {
          counts.addAll(ingestBatch(ingest, batch, options.rejectLimit()));
        }
        asOf = asOf != null ? asOf : latestDateOfRun(lake, runId);
        Map<String, Long> goldRows = publishGold(lake, asOf, runId, options.bootstrap());
        publishDashboardViews(lake, options.minCellSize());
        // The run log's row is the run's commit: readers take the versions named by the last
        // succeeded row, so a run killed before this line leaves them reading the previous run.
        runLog.append(new RunLog.Entry(runId, startedAt, Instant.now(), asOf, "succeeded", null, codeVersion(),
            counts, new ArrayList<>(goldRows.keySet()), tableVersions(lake)));
        return new Result(runId, asOf, counts, goldRows);
      } catch (RuntimeException e) {
        runLog.append(new RunLog.Entry(runId, startedAt, Instant.now(), asOf, "failed",
            String.valueOf(e.getMessage()), codeVersion(), counts, List.of(), null));
        throw e;
      }
    }
  }

  private void publishDashboardViews(Lake lake, int minCellSize) {
    long start = System.nanoTime();
    Map<String, SuppressedCells.Summary> hidden = DashboardViews.publish(spark, lake, contract, minCellSize);
    progress.say(String.format("dashboard views (counts below %d hidden): %s (%.1f s)", minCellSize,
        hidden.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().hiddenCounts())
            .collect(java.util.stream.Collectors.joining(", ")), seconds(start)));
  }

  /** The version of every table of the lake, by the name export knows it by. */
  private Map<String, Long> tableVersions(Lake lake) {
    Map<String, Long> versions = new TreeMap<>();
    for (String entity : contract.entityOrder()) {
      versionIfPresent(lake, versions, "silver_" + entity, lake.silver(entity));
    }
    versionIfPresent(lake, versions, "quarantine", lake.quarantine());
    for (String table : contract.goldTableNames()) {
      versionIfPresent(lake, versions, table, lake.gold(table));
    }
    for (String table : DashboardViews.dashboardTables(contract)) {
      versionIfPresent(lake, versions, "dashboard_" + table, lake.dashboard(table));
    }
    return versions;
  }

  private static void versionIfPresent(Lake lake, Map<String, Long> versions, String name, String path) {
    if (lake.exists(path)) {
      versions.put(name, lake.version(path));
    }
  }

  private List<FileCount> ingestBatch(BatchIngest ingest, BatchIngest.CheckedBatch batch, RejectLimit rejectLimit) {
    long start = System.nanoTime();
    progress.say("ingest " + batch.batch());
    List<FileCount> counts = ingest.ingest(batch, rejectLimit);
    for (FileCount file : counts) {
      progress.say(String.format("  %-40s read %,9d  accepted %,9d  quarantined %,7d",
          file.entity() + " (" + fileName(file.sourceFile()) + ")", file.rowsRead(), file.rowsAccepted(),
          file.rowsQuarantined()));
    }
    progress.say(String.format("  ingested in %.1f s", seconds(start)));
    return counts;
  }

  private LocalDate latestDateOfRun(Lake lake, String runId) {
    SilverTables silver = new SilverTables(spark, lake);
    Optional<LocalDate> latest = Optional.empty();
    for (String entityName : contract.entityOrder()) {
      EntitySchema entity = contract.entity(entityName);
      Optional<LocalDate> entityLatest =
          CutOff.latestDate(silver.read(entity).filter(col(SilverTables.RUN_ID).equalTo(runId)), entity);
      if (entityLatest.isPresent() && (latest.isEmpty() || entityLatest.get().isAfter(latest.get()))) {
        latest = entityLatest;
      }
    }
    return latest.orElseThrow(() -> new IllegalArgumentException(
        "the batches gave no accepted row to take the cut-off date from; give --as-of"));
  }

  private Map<String, Long> publishGold(Lake lake, LocalDate asOf, String runId, GoldTables.Bootstrap bootstrap) {
    long start = System.nanoTime();
    SilverTables silver = new SilverTables(spark, lake);
    Facts facts = FactsBuilder.build(
        silver.read(contract.entity("episodes")), silver.read(contract.entity("sessions")),
        silver.read(contract.entity("attendance")), silver.read(contract.entity("costs")), asOf);
    facts.episodes().persist();
    facts.componentActivity().persist();
    facts.charges().persist();
    facts.attendedDays().persist();
    progress.say(String.format("facts as of %s: %,d episodes (%.1f s)", asOf, facts.episodes().count(), seconds(start)));

    GoldPublisher publisher = new GoldPublisher(lake, contract);
    Map<String, Long> rows = new LinkedHashMap<>();
    for (GoldTable table : GoldTables.all(bootstrap)) {
      long tableStart = System.nanoTime();
      Dataset<Row> conformed = publisher.conform(table.name(), table.compute(facts), asOf, runId);
      rows.put(table.name(), publisher.publish(table.name(), conformed));
      progress.say(String.format("  gold/%-18s %,7d rows (%.1f s)", table.name(), rows.get(table.name()),
          seconds(tableStart)));
    }
    facts.episodes().unpersist();
    facts.componentActivity().unpersist();
    facts.charges().unpersist();
    facts.attendedDays().unpersist();
    return rows;
  }

  static String codeVersion() {
    String version = OutcomesRun.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
