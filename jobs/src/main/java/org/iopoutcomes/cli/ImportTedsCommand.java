package org.iopoutcomes.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.national.TedsImport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outcomes import-teds}: national completion and retention from SAMHSA's TEDS-D file. */
@Command(name = "import-teds", mixinStandardHelpOptions = true,
    description = {
      "Imports SAMHSA's TEDS-D (Treatment Episode Data Set - Discharges) public-use CSV, 2015 or later,",
      "and writes national benchmark tables beside the gold tables: national_completion and",
      "national_retention (30, 60, 90, 180 days), by discharge year, level of care and payment source,",
      "with 95%% Wilson intervals, so a program can read its IOP completion next to the national one.",
      "Codes are mapped as schemas/teds/teds_d.json says; records with a missing (-9) or unknown value",
      "a table needs are left out of it and counted. The tables are replaced on every import.",
      "The 2006-2014 TEDS-D file codes AGE and PRIMPAY differently and is refused."})
public final class ImportTedsCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", paramLabel = "<TEDS-D CSV>", required = true,
      description = "The TEDS-D public-use CSV file (for example tedsd_puf_2021.csv), a path or a Hadoop URI.")
  String input;

  @Option(names = "--lake", paramLabel = "<dir>", defaultValue = "lake",
      description = "The lake folder or URI (s3a://, abfss://, ...). Default: ${DEFAULT-VALUE}")
  String lake;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    SparkSession spark = LocalSpark.start("outcomes import-teds");
    new TedsImport(spark, line -> {
      out.println(line);
      out.flush();
    }).run(input, lake);
    out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
