package org.iopoutcomes.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.CsvExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outcomes export}: one table of the lake as one CSV file. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Writes one table of the lake as a single CSV file with a header row; nulls are empty fields.",
      "Tables: the gold tables (completion, retention, attendance, cost_per_outcome, cost_by_payer,",
      "retention_curve, engagement, level_of_care_comparison), national_completion and national_retention",
      "(after import-teds), the dashboard views as dashboard_<table>, quarantine, run_log, and the silver",
      "tables as silver_<entity>. It reads the versions the last succeeded run left."})
final class ExportCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--lake", paramLabel = "<dir>", defaultValue = "lake",
      description = "The lake folder or URI. Default: ${DEFAULT-VALUE}")
  String lake;

  @Option(names = "--table", paramLabel = "<name>", required = true, description = "The table to export.")
  String table;

  @Option(names = "--out", paramLabel = "<file.csv>", required = true, description = "The CSV file to write.")
  String out;

  @Override
  public Integer call() {
    SparkSession spark = LocalSpark.start("outcomes export");
    Lake lakeTables = new Lake(spark, lake);
    if (!lakeTables.rootExists()) {
      throw new Lake.LakeException(lake + ": no such lake folder");
    }
    CsvExport export = new CsvExport(spark, lakeTables, Contract.load());
    if (!export.tableNames().contains(table)) {
      throw new IllegalArgumentException("no table named '" + table + "' (tables: "
          + String.join(", ", export.tableNames()) + ")");
    }
    long rows = export.export(table, out);
    spec.commandLine().getOut().printf("%s: %,d rows written to %s%n", table, rows, out);
    return 0;
  }
}
