package org.iopoutcomes.cli;

import java.io.File;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.metrics.GoldTables;
import org.iopoutcomes.pipeline.OutcomesRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outcomes run}: ingest batches into the lake and publish the gold tables. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
      "Validates one or more batches against the data contract, merges the accepted rows into the lake,",
      "quarantines the rest, and (re)computes the gold tables completion, retention, attendance,",
      "cost_per_outcome and cost_by_payer, and the research tables retention_curve, engagement and",
      "level_of_care_comparison, as of the cut-off date.",
      "Without --input it runs on the sample batch that ships with the product."})
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", paramLabel = "<batch dir>",
      description = "A batch folder (episodes, sessions, attendance, costs as .csv, .jsonl or .parquet). "
          + "Repeat for several batches; they are ingested in the order given, a later one correcting an earlier one. "
          + "Default: the sample batch, data-samples/sample.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--lake", paramLabel = "<dir>", defaultValue = "lake",
      description = "The lake folder or URI (s3a://, abfss://, ...). Default: ${DEFAULT-VALUE}")
  String lake;

  @Option(names = "--as-of", paramLabel = "<yyyy-MM-dd>", converter = DateConverter.class,
      description = "The cut-off date. Default: the latest date found in the batches.")
  LocalDate asOf;

  @Option(names = "--bootstrap-resamples", paramLabel = "<n>", defaultValue = "1000",
      description = "Bootstrap resamples behind the cost intervals of level_of_care_comparison (at least 1000). "
          + "Default: ${DEFAULT-VALUE}")
  int resamples;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "20260101",
      description = "Seed of the bootstrap: the same seed and data give the same intervals. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--max-reject-rate", paramLabel = "<rate>", defaultValue = "5%",
      description = "Stop before changing any table when a file sends more than this share of its rows to "
          + "quarantine (5%% or 0.05). Default: ${DEFAULT-VALUE}")
  String maxRejectRate;

  @Option(names = "--min-cell-size", paramLabel = "<n>", defaultValue = "11",
      description = "Counts from 1 to n-1 are hidden in the dashboard views (lake/dashboard/), with what "
          + "would give them away. At least 11. Default: ${DEFAULT-VALUE}")
  int minCellSize;

  @Option(names = "--full-recompute",
      description = "Recompute every episode's facts, not only those the batches touched. Runs do this by "
          + "themselves when they must (first run, earlier cut-off, new code version).")
  boolean fullRecompute;

  @Option(names = "--verbose",
      description = "Also print the run's fixed costs: Spark jobs, SQL executions and Delta commits.")
  boolean verbose;

  @Override
  public Integer call() {
    List<String> batches = inputs.isEmpty() ? List.of(sampleBatch()) : inputs;
    RejectLimit rejectLimit = RejectLimit.parse(maxRejectRate);
    if (minCellSize < OutcomesRun.Options.DEFAULT_MIN_CELL_SIZE) {
      throw new IllegalArgumentException("--min-cell-size must be at least "
          + OutcomesRun.Options.DEFAULT_MIN_CELL_SIZE + ", got " + minCellSize);
    }
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    SparkSession spark = LocalSpark.start("outcomes run");
    OutcomesRun.Result result = new OutcomesRun(spark, line -> {
      out.println(line);
      out.flush();
    }).run(new OutcomesRun.Options(batches, lake, asOf, new GoldTables.Bootstrap(resamples, seed), rejectLimit, minCellSize,
        fullRecompute));
    new RunSummary(spark, lake).print(result, out);
    if (verbose) {
      out.println("run cost: " + result.activity());
    }
    out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The sample batch: under OUTCOMES_HOME (set by bin/outcomes), else under the working folder. */
  private static String sampleBatch() {
    String home = System.getenv().getOrDefault("OUTCOMES_HOME", ".");
    return new File(home, "data-samples/sample").getPath();
  }

  /** Parses yyyy-MM-dd, with a message that names the option. */
  static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a date yyyy-MM-dd");
      }
    }
  }
}
