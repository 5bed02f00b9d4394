package org.iopoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command-line call made by a test: its exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = OutcomesCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  /**
   * A user's mistake: exit code 2, a first line on standard error that starts "outcomes: " and names
   * {@code named}, and no stack trace.
   */
  void assertUserError(String named) {
    String firstLine = err.lines().findFirst().orElse("");
    assertAll(
        () -> assertEquals(OutcomesCli.USER_ERROR, exitCode, err),
        () -> assertTrue(firstLine.startsWith("outcomes: ") && firstLine.contains(named),
            "the first line should name " + named + ": " + err),
        () -> assertTrue(!err.contains("\tat "), "no stack trace: " + err));
  }
}
