package org.iopoutcomes.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.generate.BatchGenerator;
import org.iopoutcomes.generate.GeneratorManifest;
import org.iopoutcomes.generate.KnownWindow;
import org.iopoutcomes.generate.World;
import org.iopoutcomes.generate.WorldParameters;
import org.iopoutcomes.ingest.SourceFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outcomes generate}: writes contract-valid batches of a deterministic synthetic world, at any size. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {
      "Writes a batch of synthetic episodes, sessions, attendance and costs that passes the data contract,",
      "computed by Spark in parallel. The same --episodes and --seed always give the same rows.",
      "A first batch holds the world as known through --through (N admissions in the 3 years up to",
      "2026-06-30, and whatever later days --through reaches). With --base and --days it writes an",
      "increment instead: the next D days after the base batch (new sessions, attendance, costs and",
      "admissions, and the episodes discharged in those days, re-sent with their discharge).",
      "See docs/generator.md."})
final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--episodes", paramLabel = "<n>",
      description = "N: admissions in the 3 years ending 2026-06-30 (about 30-40 input rows each). "
          + "With --base: taken from the base batch.")
  Long episodes;

  @Option(names = "--seed", paramLabel = "<n>", description = "Seed of the world. Default: 1; with --base: the base's.")
  Long seed;

  @Option(names = "--out", paramLabel = "<dir>", required = true,
      description = "The batch folder to write; it must be new or empty (or a generated batch, with --replace).")
  String out;

  @Option(names = "--format", paramLabel = "<csv|jsonl|parquet>",
      description = "File format of the part files. Default: csv; with --base: the base's format.")
  String format;

  @Option(names = "--through", paramLabel = "<yyyy-MM-dd>", converter = RunCommand.DateConverter.class,
      description = "Last day of a first batch. Default: 2026-06-30.")
  LocalDate through;

  @Option(names = "--base", paramLabel = "<batch dir>",
      description = "A generated batch (with its _generator.json) that the increment continues.")
  String base;

  @Option(names = "--days", paramLabel = "<d>", description = "Days of activity an increment holds (with --base).")
  Integer days;

  @Option(names = "--replace", description = "Overwrite --out if it is an earlier generated batch.")
  boolean replace;

  @Override
  public Integer call() {
    SourceFile.Format fileFormat = format == null ? null : parseFormat(format);
    if ((base == null) != (days == null)) {
      throw new IllegalArgumentException("--base and --days go together: an increment is the D days after a base");
    }
    if (base != null && through != null) {
      throw new IllegalArgumentException("--through is for a first batch; an increment ends --days after its base");
    }
    if (base == null && episodes == null) {
      throw new IllegalArgumentException("--episodes is required (or --base and --days for an increment)");
    }
    PrintWriter output = spec.commandLine().getOut();
    long start = System.nanoTime();
    SparkSession spark = LocalSpark.start("outcomes generate");
    BatchGenerator.Request request = base == null
        ? new BatchGenerator.Request(new World(episodes, seed == null ? 1 : seed),
            KnownWindow.through(through == null ? WorldParameters.REFERENCE_LAST_DAY : through), out,
            fileFormat == null ? SourceFile.Format.CSV : fileFormat, replace)
        : BatchGenerator.increment(spark, base, days, out, fileFormat, replace);
    if (base != null) {
      checkSameWorld(request.world());
    }
    GeneratorManifest manifest = new BatchGenerator(spark, line -> {
      output.println(line);
      output.flush();
    }).generate(request);
    output.printf("wrote %s: %,d rows, activity %s to %s, in %.1f s%n", out,
        manifest.rows().values().stream().mapToLong(Long::longValue).sum(), manifest.firstDay(), manifest.lastDay(),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** --episodes and --seed may be repeated with --base, but must then name the base's world. */
  private void checkSameWorld(World world) {
    if ((episodes != null && episodes != world.episodesPerBlock()) || (seed != null && seed != world.seed())) {
      throw new IllegalArgumentException("--episodes/--seed differ from the base batch's (" + world.episodesPerBlock()
          + ", " + world.seed() + "); an increment continues the base's world");
    }
  }

  private static SourceFile.Format parseFormat(String name) {
    SourceFile.Format parsed = SourceFile.Format.ofFileName("x." + name.trim().toLowerCase());
    if (parsed == null || !name.trim().toLowerCase().matches("csv|jsonl|parquet")) {
      throw new IllegalArgumentException("--format must be csv, jsonl or parquet, got '" + name + "'");
    }
    return parsed;
  }
}
