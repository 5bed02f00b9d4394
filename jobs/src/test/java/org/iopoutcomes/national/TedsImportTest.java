package org.iopoutcomes.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.cli.ImportTedsCommand;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.InputRefusedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The import end to end: the counts it prints, the Delta tables it writes, and the files it refuses. */
class TedsImportTest {

  private static final SparkSession SPARK = SparkTestSession.get();
  private static final List<String> PRINTED = new ArrayList<>();
  private static String lake;
  private static TedsImport.Result result;

  @BeforeAll
  static void importFixture() {
    lake = SparkTestSession.tempDir("teds-lake").toString();
    result = new TedsImport(SPARK, PRINTED::add).run(TedsFixture.path(TedsFixture.FILE), lake);
  }

  @Test
  void countsWhatWasReadUsedAndLeftOutByReason() {
    ImportCounts counts = result.counts();
    assertEquals(36, counts.read());
    assertEquals(31, counts.used().get("national_completion"));
    assertEquals(27, counts.used().get("national_retention"));
    assertEquals(5, counts.leftOut("national_completion"));
    assertEquals(9, counts.leftOut("national_retention"));
    assertEquals(2019, counts.firstYear());
    assertEquals(2020, counts.lastYear());
    assertEquals(List.of(
        "read 36 records from tedsd_fixture.csv (discharge years 2019-2020)",
        "national_completion: 31 records used, 5 left out (DISYR missing 1, SERVICES_D missing 1,"
            + " SERVICES_D unknown code 1, REASON missing 1, REASON unknown code 1)",
        "national_retention: 27 records used, 9 left out (DISYR missing 1, SERVICES_D missing 1,"
            + " SERVICES_D unknown code 1, REASON missing 1, REASON unknown code 1, LOS missing 3, LOS unknown code 1)",
        "kept in payment_source = all only, in no payer's row: PRIMPAY missing 3, PRIMPAY unknown code 1"),
        PRINTED.subList(0, 4));
  }

  @Test
  void writesBothTablesAsTheirSchemasDeclare() {
    for (String table : List.of("national_completion", "national_retention")) {
      Dataset<Row> written = SPARK.read().format("delta").load(lake + "/gold/" + table);
      assertEquals(Contract.load().table(table).columnNames(), Arrays.asList(written.columns()), table);
      assertEquals(result.rowsWritten().get(table), written.count(), table);
      assertEquals(0, written.filter("source <> 'TEDS-D' OR source_file <> 'tedsd_fixture.csv' OR imported_at IS NULL")
          .count(), table + " provenance");
      assertTrue(PRINTED.contains(table + ": " + written.count() + " rows written to " + lake + "/gold/" + table),
          String.join("\n", PRINTED));
    }
    GoldRows completion = new GoldRows("national_completion",
        SPARK.read().format("delta").load(lake + "/gold/national_completion"));
    completion.cell("discharge_year", "all", "level_of_care", "intensive_outpatient", "payment_source", "all")
        .count("episodes_discharged", 13).count("episodes_completed", 3).rate("completion_rate", 3.0 / 13);
    GoldRows retention = new GoldRows("national_retention",
        SPARK.read().format("delta").load(lake + "/gold/national_retention"));
    retention.cell("discharge_year", "all", "level_of_care", "all", "payment_source", "all", "window_days", "90")
        .count("episodes_eligible", 27).count("episodes_retained", 14).count("episodes_uncertain", 2);
  }

  @Test
  void refusesTheOlderFileByItsHeader() {
    String path = TedsFixture.path("tedsd_2006_2014_fixture.csv");
    String emptyLake = SparkTestSession.tempDir("teds-refused").resolve("lake").toString();
    InputRefusedException refused = assertThrows(InputRefusedException.class,
        () -> new TedsImport(SPARK, line -> { }).run(path, emptyLake));
    assertEquals(path + ": this is the 2006-2014 TEDS-D file (it has column SERVSETD); its AGE and PRIMPAY codes"
        + " differ from the 2015-and-later files, the only ones import-teds reads", refused.getMessage());
    assertFalse(Files.exists(Path.of(emptyLake)), "nothing is written");
  }

  @Test
  void refusesDischargeYearsBeforeTheSupportedOnes() throws IOException {
    Path file = SparkTestSession.tempDir("teds-2014").resolve("tedsd_2014.csv");
    Files.writeString(file, "CASEID,DISYR,AGE,SERVICES_D,REASON,LOS,PSYPROB,NOPRIOR,PRIMPAY\n"
        + "1,2015,5,6,1,33,1,0,4\n"
        + "2,2014,5,6,2,12,1,0,4\n");
    String emptyLake = file.getParent().resolve("lake").toString();
    InputRefusedException refused = assertThrows(InputRefusedException.class,
        () -> new TedsImport(SPARK, line -> { }).run(file.toString(), emptyLake));
    assertEquals(file + ": discharge year 2014 is before 2015: this looks like the 2006-2014 TEDS-D file, whose AGE"
        + " and PRIMPAY codes differ; import-teds reads only the 2015-and-later files", refused.getMessage());
    assertFalse(Files.exists(Path.of(emptyLake)), "nothing is written");
  }

  @Test
  void refusesAFileWithoutTheColumnsItNeeds() throws IOException {
    Path file = SparkTestSession.tempDir("teds-columns").resolve("admissions.csv");
    Files.writeString(file, "CASEID,ADMYR,SERVICES,PRIMPAY\n1,2019,6,4\n");
    InputRefusedException refused = assertThrows(InputRefusedException.class,
        () -> new TedsImport(SPARK, line -> { }).run(file.toString(), file.getParent().resolve("lake").toString()));
    assertEquals(file + ": not a TEDS-D discharges file: no column DISYR, SERVICES_D, REASON, LOS",
        refused.getMessage());
  }

  @Test
  void aFileWithAHeaderOnlyWritesEmptyTables() throws IOException {
    Path file = SparkTestSession.tempDir("teds-empty").resolve("tedsd_empty.csv");
    Files.writeString(file, "CASEID,DISYR,AGE,SERVICES_D,REASON,LOS,PSYPROB,NOPRIOR,PRIMPAY\n");
    List<String> printed = new ArrayList<>();
    TedsImport.Result empty = new TedsImport(SPARK, printed::add)
        .run(file.toString(), file.getParent().resolve("lake").toString());
    assertEquals("read 0 records from tedsd_empty.csv (no discharge year)", printed.get(0));
    assertEquals(0L, empty.rowsWritten().get("national_completion"));
    assertEquals(0L, empty.rowsWritten().get("national_retention"));
  }

  @Test
  void commandNamesAMissingFile() {
    String missing = SparkTestSession.tempDir("teds-missing").resolve("tedsd_puf_2021.csv").toString();
    // Called directly, so the exception reaches the test as it reaches OutcomesCli's handler
    // (which prints the message on one line and exits with 2).
    ImportTedsCommand command = new ImportTedsCommand();
    new CommandLine(command).parseArgs("--input", missing);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, command::call);
    assertEquals(missing + ": no such file", error.getMessage());
  }

  @Test
  void commandImportsAndPrintsProgress() {
    String commandLake = SparkTestSession.tempDir("teds-cli").resolve("lake").toString();
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new ImportTedsCommand()).setOut(new PrintWriter(out, true))
        .execute("--input", TedsFixture.path(TedsFixture.FILE), "--lake", commandLake);
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().startsWith("read 36 records from tedsd_fixture.csv"), out.toString());
    assertTrue(out.toString().contains("national_retention: "), out.toString());
    assertTrue(Files.isDirectory(Path.of(commandLake, "gold", "national_completion", "_delta_log")));
  }

  @Test
  void commandHelpNamesItsOptions() {
    StringWriter out = new StringWriter();
    new CommandLine(new ImportTedsCommand()).setOut(new PrintWriter(out, true)).execute("--help");
    assertTrue(out.toString().contains("--input=<TEDS-D CSV>"), out.toString());
    assertTrue(out.toString().contains("--lake=<dir>"), out.toString());
  }
}
