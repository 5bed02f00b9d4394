package org.iopoutcomes.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.CsvExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outcomes export}: tables of the lake as CSV files, one table to one file ({@code --out}),
 * or several in one call into a folder ({@code --out-dir}), so that a notebook needing many tables
 * starts one JVM and one Spark session instead of one per table.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Writes tables of the lake as CSV files with a header row; nulls are empty",
      "fields. One table to one file, or several in one call (one JVM and Spark",
      "session) into a folder, <dir>/<name>.csv each:",
      "  export --table <name> --out <file.csv>",
      "  export --table <a> --table <b> ... --out-dir <dir>",
      "Tables: the gold tables (completion, retention, attendance, cost_per_outcome,",
      "cost_by_payer, trends, retention_curve, engagement, level_of_care_comparison),",
      "national_completion and national_retention (after import-teds), the dashboard",
      "views as dashboard_<table>, quarantine, run_log, and the silver tables as",
      "silver_<entity>. Every name is checked before anything is written. Export",
      "reads the versions the last succeeded run left."})
final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  LakeToRead lake;

  @Option(names = "--table", paramLabel = "<name>", required = true,
      description = "A table to export; repeat it to export several (with --out-dir).")
  List<String> tables = new ArrayList<>();

  @Option(names = "--out", paramLabel = "<file.csv>",
      description = "The CSV file to write, for one --table.")
  String out;

  @Option(names = "--out-dir", paramLabel = "<dir>",
      description = "The folder (created if missing) to write <name>.csv into for every --table; an existing"
          + " file of that name is replaced.")
  String outDir;

  @Override
  public Integer call() {
    List<String> names = List.copyOf(new LinkedHashSet<>(tables));
    checkDestination(names);
    SparkSession spark = LocalSpark.start("outcomes export");
    Lake lakeTables = lake.open(spark);
    CsvExport export = new CsvExport(spark, lakeTables, Contract.load());
    List<String> unknown = names.stream().filter(name -> !export.tableNames().contains(name)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("no table named '" + String.join("', '", unknown) + "' (tables: "
          + String.join(", ", export.tableNames()) + ")");
    }
    for (String table : names) {
      String file = out != null ? out : new Path(outDir, table + ".csv").toString();
      long rows = export.export(table, file);
      spec.commandLine().getOut().printf("%s: %,d rows written to %s%n", table, rows, file);
    }
    return 0;
  }

  /** Exactly one of --out (one table) and --out-dir, checked before Spark starts. */
  private void checkDestination(List<String> names) {
    if ((out == null) == (outDir == null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give either --out <file.csv> (one table) or --out-dir <dir> (one <name>.csv per table)");
    }
    if (out != null && names.size() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--out writes one table, but " + names.size() + " were named (" + String.join(", ", names)
              + "): use --out-dir <dir> for several");
    }
  }
}
