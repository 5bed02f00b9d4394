package org.iopoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.lake.Lake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a user sees when a command is wrong: one line naming the problem, a non-zero exit. */
class OutcomesCliTest {

  @Test
  void helpExplainsEveryCommand() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("run") && help.out().contains("export"), help.out());
    CliRun runHelp = CliRun.of("run", "--help");
    assertAll(() -> assertEquals(0, runHelp.exitCode()),
        () -> assertTrue(runHelp.out().contains("--input"), runHelp.out()),
        () -> assertTrue(runHelp.out().contains("--lake"), runHelp.out()),
        () -> assertTrue(runHelp.out().contains("--as-of"), runHelp.out()));
    CliRun exportHelp = CliRun.of("export", "--help");
    assertTrue(exportHelp.out().contains("--table") && exportHelp.out().contains("--out")
        && exportHelp.out().contains("--out-dir"), exportHelp.out());
  }

  /** picocli reports a help text it cannot format (a bare % in it) on the process's standard error. */
  @ParameterizedTest
  @ValueSource(strings = {"run", "export", "import-teds", "generate", "dashboard", "sql-server"})
  void everyHelpTextFormatsWithoutAWarning(String command) {
    PrintStream standardError = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRun help;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      help = CliRun.of(command, "--help");
    } finally {
      System.setErr(standardError);
    }
    assertEquals(0, help.exitCode(), help.err());
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), command + " --help: " + warnings);
  }

  @Test
  void unknownOption() {
    CliRun.of("run", "--imput", "x").assertUserError("--imput");
  }

  @Test
  void badDate() {
    CliRun.of("run", "--as-of", "31/03/2026").assertUserError("31/03/2026");
  }

  @Test
  void missingBatchFolder() {
    String lake = SparkTestSession.tempDir("cli-lake").toString();
    CliRun.of("run", "--input", "/no/such/batch", "--lake", lake).assertUserError("/no/such/batch");
  }

  @Test
  void exportFromAMissingLake() {
    CliRun.of("export", "--lake", "/no/such/lake", "--table", "completion", "--out", "x.csv")
        .assertUserError("/no/such/lake");
  }

  @Test
  void dashboardOfAMissingLake() {
    CliRun.of("dashboard", "--lake", "/no/such/lake", "--out", "x").assertUserError("/no/such/lake");
  }

  @Test
  void dashboardOfALakeWithoutARunSaysRunFirst() {
    String lake = SparkTestSession.tempDir("cli-empty-lake").toString();
    CliRun.of("dashboard", "--lake", lake, "--out", lake + "/page").assertUserError("run 'outcomes run' first");
  }

  @Test
  void dashboardOfAnUnknownLevelOfCare() {
    CliRun.of("dashboard", "--lake", "/no/such/lake", "--level-of-care", "day_spa").assertUserError("day_spa");
  }

  @Test
  void exportOfAnUnknownTable() {
    String lake = SparkTestSession.tempDir("cli-empty-lake").toString();
    CliRun.of("export", "--lake", lake, "--table", "patients", "--out", "x.csv").assertUserError("patients");
  }

  @Test
  void exportNeedsATable() {
    CliRun.of("export", "--out", "x.csv").assertUserError("--table");
  }

  @Test
  void exportOfSeveralTablesNeedsAFolder() {
    CliRun.of("export", "--table", "completion", "--table", "retention", "--out", "x.csv")
        .assertUserError("--out-dir");
  }

  @Test
  void exportNeedsOneDestination() {
    CliRun.of("export", "--table", "completion").assertUserError("--out");
    CliRun.of("export", "--table", "completion", "--out", "x.csv", "--out-dir", "csv").assertUserError("--out-dir");
  }

  /** Several tables in one call, each to <dir>/<name>.csv; the one-table form writes the same file. */
  @Test
  void exportOfSeveralTablesIntoAFolder() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path root = SparkTestSession.tempDir("cli-export-lake");
    Lake lake = new Lake(spark, root.toString());
    spark.sql("SELECT * FROM VALUES ('intensive_outpatient', 'all', 'all', 5L), ('all', 'all', 'all', 9L)"
            + " AS t(level_of_care, program_component, payment_source, episodes_discharged)")
        .write().format("delta").save(lake.gold("completion"));
    spark.sql("SELECT 'b1' AS batch, 'episodes.csv' AS source_file, 7L AS record_number,"
            + " 'ep-1,x' AS raw_record, array('level_of_care.code', 'admission_date.type') AS broken_rules")
        .write().format("delta").save(lake.quarantine());
    Path folder = SparkTestSession.tempDir("cli-exports").resolve("not-yet-there");

    CliRun run = CliRun.of("export", "--lake", root.toString(), "--table", "completion", "--table", "quarantine",
        "--out-dir", folder.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertAll(
        () -> assertEquals(List.of("level_of_care,program_component,payment_source,episodes_discharged",
            "all,all,all,9", "intensive_outpatient,all,all,5"), Files.readAllLines(folder.resolve("completion.csv"))),
        () -> assertEquals(List.of("batch,source_file,record_number,raw_record,broken_rules",
            "b1,episodes.csv,7,\"ep-1,x\",level_of_care.code; admission_date.type"),
            Files.readAllLines(folder.resolve("quarantine.csv"))),
        () -> assertTrue(run.out().contains("completion: 2 rows written to")
            && run.out().contains("quarantine: 1 rows written to"), run.out()));
    Path single = folder.resolveSibling("completion.csv");
    assertEquals(0, CliRun.of("export", "--lake", root.toString(), "--table", "completion",
        "--out", single.toString()).exitCode());
    assertEquals(Files.readAllLines(folder.resolve("completion.csv")), Files.readAllLines(single),
        "--out and --out-dir write the same CSV");
  }
}
