package org.iopoutcomes.cli;

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
}
