package org.iopoutcomes;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.iopoutcomes.cli.OutcomesCli;

/**
 * One run of {@code outcomes run} on the sample batch (default cut-off), made once per test JVM and
 * shared by the tests that only read its lake (the end-to-end comparison, the dashboard, the SQL
 * server). A pipeline run on test data costs about a minute of fixed Spark and Delta work, so it is
 * not repeated per class. Readers must not write to it.
 */
public final class SampleLake {

  public static final Path SAMPLE = Path.of("..", "data-samples", "sample");

  private static Path lake;
  private static String runOutput;

  private SampleLake() {}

  /** The lake folder of the shared run, running the pipeline on first use. */
  public static synchronized Path get() {
    if (lake == null) {
      Path folder = SparkTestSession.tempDir("shared-sample-lake");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exitCode = OutcomesCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
          "run", "--input", SAMPLE.toString(), "--lake", folder.toString());
      if (exitCode != 0) {
        throw new IllegalStateException("the shared sample run failed (exit " + exitCode + "): " + err);
      }
      runOutput = out.toString();
      lake = folder;
    }
    return lake;
  }

  /** What the shared run printed. */
  public static synchronized String runOutput() {
    get();
    return runOutput;
  }
}
