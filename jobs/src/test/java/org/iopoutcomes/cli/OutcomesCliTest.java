package org.iopoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.api.Test;

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
    assertTrue(exportHelp.out().contains("--table") && exportHelp.out().contains("--out"), exportHelp.out());
  }

  @Test
  void unknownOption() {
    assertOneLineError(CliRun.of("run", "--imput", "x"), "--imput");
  }

  @Test
  void badDate() {
    assertOneLineError(CliRun.of("run", "--as-of", "31/03/2026"), "31/03/2026");
  }

  @Test
  void missingBatchFolder() {
    String lake = SparkTestSession.tempDir("cli-lake").toString();
    assertOneLineError(CliRun.of("run", "--input", "/no/such/batch", "--lake", lake), "/no/such/batch");
  }

  @Test
  void exportFromAMissingLake() {
    assertOneLineError(CliRun.of("export", "--lake", "/no/such/lake", "--table", "completion", "--out", "x.csv"),
        "/no/such/lake");
  }

  @Test
  void exportOfAnUnknownTable() {
    String lake = SparkTestSession.tempDir("cli-empty-lake").toString();
    assertOneLineError(CliRun.of("export", "--lake", lake, "--table", "patients", "--out", "x.csv"), "patients");
  }

  @Test
  void exportNeedsATable() {
    assertOneLineError(CliRun.of("export", "--out", "x.csv"), "--table");
  }

  private static void assertOneLineError(CliRun run, String named) {
    String firstLine = run.err().lines().findFirst().orElse("");
    assertAll(
        () -> assertEquals(OutcomesCli.USER_ERROR, run.exitCode(), run.err()),
        () -> assertTrue(firstLine.startsWith("outcomes: ") && firstLine.contains(named),
            "the first line should name " + named + ": " + run.err()),
        () -> assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err()));
  }
}
