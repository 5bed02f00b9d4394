package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.RunLog;
import org.junit.jupiter.api.Test;

/**
 * A run killed with SIGKILL at a point of its progress (while ingesting, between two gold tables,
 * after the last gold table but before the run log) leaves readers on the last good run: the run
 * log still names the previous versions, and those versions hold exactly what the good run wrote.
 * The three kills hit one lake in turn, each run starting from what the killed one before it left;
 * running the same batches again then gives every table exactly as a clean run does. (One lake and
 * one repairing run for the three kills: each run of the pipeline costs seconds of the suite.)
 */
class CrashSafetyTest {

  private static final List<String> KILL_POINTS = List.of("ingest ", "gold/completion", "gold/level_of_care_comparison");

  @Test
  void killedRunsLeaveTheLastGoodRunAndARerunRepairsThem() throws Exception {
    // A copy of a lake after one good run (Delta tables are folders with relative paths).
    Lake lake = LakeTables.copy(TrustTest.cleanRun(), "crash");
    RunLog runLog = new RunLog(SparkTestSession.get(), lake, Contract.load());
    Map<String, Long> good = runLog.lastSucceededVersions();
    Lake goodRun = TrustTest.cleanRun();

    for (String killPoint : KILL_POINTS) {
      killAfter(killPoint, "run", "--input", TrustTest.SMALL.toString(), "--input", TrustTest.CORRECTION.toString(),
          "--lake", lake.root(), "--as-of", "2025-03-31", "--max-reject-rate", "100%");
      assertEquals(good, runLog.lastSucceededVersions(),
          "after a kill following '" + killPoint + "', readers still read the last good run");
      for (String table : Contract.load().goldTableNames()) {
        DataFrameAssertions.assertSameRows(goodRun.read(goodRun.gold(table)).drop("run_id"),
            lake.read(lake.gold(table), good.get(table)).drop("run_id"), 1e-9);
      }
    }

    TrustTest.run(lake, RejectLimit.NONE, TrustTest.SMALL, TrustTest.CORRECTION);
    LakeTables.assertSameContents(TrustTest.bothBatchesAtOnce(), lake);
  }

  /** Starts the command line in its own JVM and kills it (SIGKILL) once it has printed the line. */
  private static void killAfter(String killPoint, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-Xmx1g");
    // A short-lived JVM: the quick compiler and the serial collector leave the cores to the runs.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.iopoutcomes.cli.OutcomesCli");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean seen = false;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        output.append(line).append('\n');
        if (line.contains(killPoint)) {
          seen = true;
          process.destroyForcibly();
          break;
        }
      }
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the killed process ended");
    assertTrue(seen, "the run reached '" + killPoint + "' before it was killed:\n" + output);
    assertEquals(137, process.exitValue(), "killed by SIGKILL");
  }
}
