package org.iopoutcomes.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.generate.BatchGenerator;
import org.iopoutcomes.generate.GeneratorManifest;
import org.iopoutcomes.generate.KnownWindow;
import org.iopoutcomes.generate.World;
import org.iopoutcomes.generate.WorldParameters;
import org.iopoutcomes.ingest.SourceFile;
import org.iopoutcomes.pipeline.OutcomesRun;
import org.iopoutcomes.pipeline.Progress;
import org.iopoutcomes.pipeline.SparkSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outcomes bench}: times the pipeline on generated data in one process and prints a table:
 * each stage of a full run (rows, seconds, rows/s), its peak heap, the five core gold tables
 * computed by DuckDB from the same input files (and whether both agree), the ratio between the
 * two, and an incremental run over the next days of activity against the full run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Times a full run, DuckDB on the same files, and an incremental run, on generated data.")
public final class BenchCommand implements Callable<Integer> {

  @Option(names = "--episodes", paramLabel = "<n>", required = true,
      description = "Episodes of the generated world (1 million gives about 30-40 million input rows).")
  long episodes;

  @Option(names = "--increment-days", paramLabel = "<d>", defaultValue = "1",
      description = "Days of further activity in the increment. Default: ${DEFAULT-VALUE}")
  int incrementDays;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "20260101",
      description = "Seed of the generated world. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--work", paramLabel = "<dir>", defaultValue = "bench-work",
      description = "Folder for the generated batches (kept and reused) and the bench's lake (replaced). "
          + "Default: ${DEFAULT-VALUE}")
  String work;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new BenchCommand());
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
      cl.getErr().println("outcomes bench: " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 1;
    });
    System.exit(commandLine.execute(args));
  }

  @Override
  public Integer call() {
    if (episodes < 1 || incrementDays < 1) {
      throw new IllegalArgumentException("--episodes and --increment-days must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    SparkSession spark = SparkSessions.local(SparkSessions.builder("outcomes bench")).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    // What each phase is doing goes to standard error; the table, at the end, to standard output.
    Progress progress = line -> System.err.println("  " + line);

    Path data = Path.of(work, "data", "episodes-" + episodes + "-seed-" + seed);
    Path base = data.resolve("base");
    Path increment = data.resolve("increment-" + incrementDays + "d");
    long generateStart = System.nanoTime();
    boolean generated = ensureBase(spark, progress, base) | ensureIncrement(spark, progress, base, increment);
    double generateSeconds = seconds(generateStart);

    Path lake = Path.of(work, "lake-" + episodes);
    deleteRecursively(lake);
    OutcomesRun pipeline = new OutcomesRun(spark, progress);

    System.err.println("bench: full run of " + base);
    HeapPeak.reset();
    long fullStart = System.nanoTime();
    OutcomesRun.Result full = pipeline.run(new OutcomesRun.Options(List.of(base.toString()), lake.toString(), null));
    double fullSeconds = seconds(fullStart);
    long fullHeap = HeapPeak.bytes();

    System.err.println("bench: DuckDB on the same files");
    DuckDbGold duckDbSide = new DuckDbGold(Contract.load(), DuckDbGold.Settings.withMemory(HeapPeak.limit()));
    DuckDbGold.Result duckDb = duckDbSide.compute(List.of(base), full.asOf());
    AgreementReport fullAgreement = new GoldAgreement().compareWithLake(duckDb, spark, lake.toString());

    System.err.println("bench: incremental run of " + increment);
    HeapPeak.reset();
    long incrementStart = System.nanoTime();
    OutcomesRun.Result incremental = pipeline.run(
        new OutcomesRun.Options(List.of(increment.toString()), lake.toString(), null));
    double incrementSeconds = seconds(incrementStart);
    long incrementHeap = HeapPeak.bytes();

    // The incremental run's tables against DuckDB computing everything from both batches at once.
    DuckDbGold.Result duckDbBoth = duckDbSide.compute(List.of(base, increment), incremental.asOf());
    AgreementReport incrementAgreement = new GoldAgreement().compareWithLake(duckDbBoth, spark, lake.toString());

    BenchReport report = new BenchReport(out);
    report.header(episodes, seed, full, generated ? generateSeconds : null, data);
    report.stages("full run", full, fullSeconds, fullHeap);
    report.duckDb(duckDb, full, fullSeconds, fullAgreement);
    report.stages("incremental run (+" + incrementDays + " day" + (incrementDays == 1 ? "" : "s") + ")", incremental,
        incrementSeconds, incrementHeap);
    report.increment(incremental, incrementSeconds, fullSeconds, incrementAgreement);
    out.flush();
    spark.stop();
    return fullAgreement.agrees() && incrementAgreement.agrees() ? 0 : 1;
  }

  /** Generates the base batch unless a batch of the same world is already there. */
  private boolean ensureBase(SparkSession spark, Progress progress, Path base) {
    if (Files.exists(base.resolve(GeneratorManifest.FILE_NAME))) {
      return false;
    }
    new BatchGenerator(spark, progress).generate(new BatchGenerator.Request(new World(episodes, seed),
        KnownWindow.through(WorldParameters.REFERENCE_LAST_DAY), base.toString(), SourceFile.Format.CSV, true));
    return true;
  }

  /** Generates the increment (the next days after the base) unless it is already there. */
  private boolean ensureIncrement(SparkSession spark, Progress progress, Path base, Path increment) {
    if (Files.exists(increment.resolve(GeneratorManifest.FILE_NAME))) {
      return false;
    }
    new BatchGenerator(spark, progress).generate(BatchGenerator.increment(spark, base.toString(), incrementDays,
        increment.toString(), SourceFile.Format.CSV, true));
    return true;
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + folder, e);
    }
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
