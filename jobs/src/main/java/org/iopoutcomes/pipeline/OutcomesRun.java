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
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.facts.CutOff;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.facts.EpisodeFactStore;
import org.iopoutcomes.ingest.BatchIngest;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.ingest.SilverTables;
import org.iopoutcomes.lake.ConcurrentWrites;
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
 * the other into silver and quarantine, fix the cut-off, bring the episode facts up to it (only the
 * episodes the batches touched, where the lake allows), publish the gold tables, and log the run.
 */
public final class OutcomesRun {

  /** What to run on. {@code asOf} is null for the default (the latest date in the batches). */
  public record Options(List<String> inputs, String lake, LocalDate asOf, GoldTables.Bootstrap bootstrap,
      RejectLimit rejectLimit, int minCellSize, boolean fullRecompute) {
    /** Counts below this are hidden in the dashboard views. */
    public static final int DEFAULT_MIN_CELL_SIZE = 11;

    public Options(List<String> inputs, String lake, LocalDate asOf) {
      this(inputs, lake, asOf, GoldTables.Bootstrap.DEFAULT, RejectLimit.DEFAULT, DEFAULT_MIN_CELL_SIZE, false);
    }

    public Options(List<String> inputs, String lake, LocalDate asOf, GoldTables.Bootstrap bootstrap,
        RejectLimit rejectLimit) {
      this(inputs, lake, asOf, bootstrap, rejectLimit, DEFAULT_MIN_CELL_SIZE, false);
    }

    /** The same options, with every episode's facts recomputed whatever the lake holds. */
    public Options withFullRecompute() {
      return new Options(inputs, lake, asOf, bootstrap, rejectLimit, minCellSize, true);
    }
  }

  /** One stage of a run: what it did, on how many rows, in how many seconds. */
  public record Stage(String name, long rows, double seconds) {}

  /**
   * What a run did. {@code factsRefresh} is "incremental" or "full"; {@code stages} times every
   * stage in order; {@code activity} counts its Spark jobs, SQL executions and Delta commits.
   */
  public record Result(String runId, LocalDate asOf, List<FileCount> inputs, Map<String, Long> goldRows,
      String factsRefresh, long episodesRecomputed, List<Stage> stages, RunActivity.Counts activity) {
    public long rowsQuarantined() {
      return inputs.stream().mapToLong(FileCount::rowsQuarantined).sum();
    }

    public long rowsRead() {
      return inputs.stream().mapToLong(FileCount::rowsRead).sum();
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
    RunActivity activity = RunActivity.start(spark.sparkContext(), versionsWithRunLog(lake));
    try {
      return run(options, startedAt, runId, lake, activity);
    } finally {
      activity.stopIfRunning();
    }
  }

  private Result run(Options options, Instant startedAt, String runId, Lake lake, RunActivity activity) {
    RunLog runLog = new RunLog(spark, lake, contract);
    BatchIngest ingest = new BatchIngest(spark, contract, lake, runId);
    List<Stage> stages = new ArrayList<>();

    // File-level refusals come first, before anything is written.
    long checkStart = System.nanoTime();
    List<BatchIngest.CheckedBatch> batches = options.inputs().stream().map(ingest::check).toList();
    stages.add(new Stage("check input files", batches.size(), seconds(checkStart)));
    int partitions = ShufflePartitions.applyFor(spark,
        batches.stream().flatMap(b -> b.headers().keySet().stream()).toList());
    progress.say("run " + runId + ": " + batches.size() + " batch(es) into " + lake.root() + ", " + partitions
        + " shuffle partitions");

    List<FileCount> counts = new ArrayList<>();
    LocalDate asOf = options.asOf();
    FactsRefresh.Outcome refresh = null;
    try (RunLock lock = RunLock.acquire(spark, lake, runId)) {
      try {
        Optional<RunLog.Succeeded> lastRun = runLog.lastSucceeded();
        for (BatchIngest.CheckedBatch batch : batches) {
          long start = System.nanoTime();
          List<FileCount> batchCounts = ingestBatch(ingest, batch, options.rejectLimit());
          counts.addAll(batchCounts);
          stages.add(new Stage("ingest " + fileName(batch.batch()),
              batchCounts.stream().mapToLong(FileCount::rowsRead).sum(), seconds(start)));
        }
        asOf = asOf != null ? asOf : latestDateOfRun(lake, runId);

        long factsStart = System.nanoTime();
        refresh = new FactsRefresh(spark, lake, contract)
            .refresh(lastRun, asOf, runId, options.fullRecompute(), codeVersion());
        stages.add(new Stage("episode facts (" + refresh.mode() + ")", refresh.episodesRecomputed(),
            seconds(factsStart)));
        progress.say(String.format("episode facts as of %s: %s, %,d episodes recomputed%s (%.1f s)", asOf,
            refresh.mode(), refresh.episodesRecomputed(), refresh.why() == null ? "" : " (" + refresh.why() + ")",
            seconds(factsStart)));

        Map<String, GoldPublisher.Published> gold = publishGold(lake, asOf, runId, options.bootstrap(), stages);
        Map<String, Long> goldRows = new LinkedHashMap<>();
        gold.forEach((table, published) -> goldRows.put(table, (long) published.rows().size()));
        long viewsStart = System.nanoTime();
        publishDashboardViews(lake, options.minCellSize(), gold);
        stages.add(new Stage("dashboard views", DashboardViews.dashboardTables(contract).size(), seconds(viewsStart)));
        // The run log's row is the run's commit: readers take the versions named by the last
        // succeeded row, so a run killed before this line leaves them reading the previous run.
        long logStart = System.nanoTime();
        runLog.append(new RunLog.Entry(runId, startedAt, Instant.now(), asOf, "succeeded", null, codeVersion(),
            counts, new ArrayList<>(goldRows.keySet()), tableVersions(lake), refresh.mode(),
            refresh.episodesRecomputed()));
        stages.add(new Stage("run log", 1, seconds(logStart)));
        return new Result(runId, asOf, counts, goldRows, refresh.mode(), refresh.episodesRecomputed(), stages,
            activity.stop(versionsWithRunLog(lake)));
      } catch (RuntimeException e) {
        runLog.append(new RunLog.Entry(runId, startedAt, Instant.now(), asOf, "failed",
            String.valueOf(e.getMessage()), codeVersion(), counts, List.of(), null,
            refresh == null ? null : refresh.mode(), refresh == null ? null : refresh.episodesRecomputed()));
        throw e;
      }
    }
  }

  private void publishDashboardViews(Lake lake, int minCellSize, Map<String, GoldPublisher.Published> gold) {
    long start = System.nanoTime();
    Map<String, SuppressedCells.Summary> hidden = DashboardViews.publish(spark, lake, contract, minCellSize, gold);
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
    versionIfPresent(lake, versions, EpisodeFactStore.TABLE, lake.episodeFacts());
    for (String table : contract.goldTableNames()) {
      versionIfPresent(lake, versions, table, lake.gold(table));
    }
    for (String table : DashboardViews.dashboardTables(contract)) {
      versionIfPresent(lake, versions, "dashboard_" + table, lake.dashboard(table));
    }
    return versions;
  }

  /** The table versions, with the run log's: what a run's commits are counted from. */
  private Map<String, Long> versionsWithRunLog(Lake lake) {
    Map<String, Long> versions = tableVersions(lake);
    versionIfPresent(lake, versions, "run_log", lake.runLog());
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

  /** The gold tables, computed from the episode facts table at the run's cut-off. */
  private Map<String, GoldPublisher.Published> publishGold(Lake lake, LocalDate asOf, String runId,
      GoldTables.Bootstrap bootstrap, List<Stage> stages) {
    Facts facts = EpisodeFactStore.facts(lake.read(lake.episodeFacts()), asOf);
    // Every table reads the episodes and most read their component activity: computed once.
    facts.episodes().persist();
    facts.componentActivity().persist();
    GoldPublisher publisher = new GoldPublisher(lake, contract);
    // The tables are computed and written a few at a time (ConcurrentWrites); each is timed on its own.
    Map<String, Callable<TimedTable>> writes = new LinkedHashMap<>();
    for (GoldTable table : GoldTables.all(bootstrap)) {
      writes.put(table.name(), () -> {
        long tableStart = System.nanoTime();
        Dataset<Row> conformed = publisher.conform(table.name(), table.compute(facts), asOf, runId);
        TimedTable written = new TimedTable(publisher.publish(table.name(), conformed), seconds(tableStart));
        progress.say(String.format("  gold/%-26s %,7d rows (%.1f s)", table.name(), written.table().rows().size(),
            written.seconds()));
        return written;
      });
    }
    Map<String, GoldPublisher.Published> published = new LinkedHashMap<>();
    try {
      ConcurrentWrites.run(writes).forEach((name, written) -> {
        published.put(name, written.table());
        stages.add(new Stage("gold/" + name, written.table().rows().size(), written.seconds()));
      });
    } finally {
      facts.episodes().unpersist();
      facts.componentActivity().unpersist();
    }
    return published;
  }

  /** A published gold table and the seconds it took. */
  private record TimedTable(GoldPublisher.Published table, double seconds) {}

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
