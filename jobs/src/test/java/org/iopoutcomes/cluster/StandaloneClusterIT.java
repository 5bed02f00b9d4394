package org.iopoutcomes.cluster;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.pipeline.OutcomesRun;
import org.iopoutcomes.pipeline.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The cluster jar under spark-submit on a standalone cluster (master, worker and executor in JVMs
 * of their own) computes the same gold tables as a local run of the same batch.
 *
 * <p>The two runs split the work differently (4 shuffle partitions on the cluster, 2 locally), so
 * this also shows the tables do not depend on partitioning; that includes the bootstrap intervals
 * of level_of_care_comparison, whose resampling weights are hashed from seed, resample and episode.
 * Doubles may differ by {@value #TOLERANCE}: sums of doubles taken in another order can differ in
 * their last bits. Counts, dates, strings and money (decimal) compare exactly.
 *
 * <p>Runs in {@code mvn verify}, after package built the cluster jar and target/lib. Everything it
 * writes stays in target/standalone-cluster/: logs/ (master, worker, spark-submit), work/ (the
 * executors' stdout and stderr), and the two lakes.
 */
class StandaloneClusterIT {

  private static final double TOLERANCE = 1e-9;
  private static final Path SAMPLE = Path.of("..", "data-samples", "sample").toAbsolutePath().normalize();
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(15);

  @Test
  void theClusterRunGivesTheGoldTablesOfALocalRun() throws Exception {
    Path dir = freshFolder(TARGET.resolve("standalone-cluster"));
    SparkHome spark = SparkHome.assemble(dir.resolve("spark-home"), Path.of(property("outcomes.it.libDir",
        TARGET.resolve("lib").toString())));
    Path clusterLake = dir.resolve("cluster-lake");
    Path localLake = dir.resolve("local-lake");

    long start = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.start(spark, childJvmOptions(), dir, 2, "2g")) {
      log("cluster up", start);
      try (ChildJvm submit = submit(spark, cluster, dir, clusterLake)) {
        // The local run goes meanwhile: the cluster run spends much of its time waiting on RPCs.
        new OutcomesRun(SparkTestSession.get(), Progress.SILENT)
            .run(new OutcomesRun.Options(List.of(SAMPLE.toString()), localLake.toString(), null));
        log("local run done", start);
        int exitCode = submit.waitFor(SUBMIT_TIMEOUT.toSeconds());
        assertEquals(0, exitCode, "spark-submit " + (exitCode < 0 ? "timed out" : "failed") + "\n"
            + submit.logTail(60) + "\n" + cluster.logTails());
      }
      log("cluster run done", start);
      assertExecutorsRanTasks(cluster);
    }

    assertSameGoldTables(localLake, clusterLake);
    log("gold tables compared", start);
  }

  /**
   * spark-submit in client deploy mode: the driver is this child JVM, so it needs the Java 17 options
   * on its own command line (the spark-submit script would add them; --driver-java-options only
   * reaches a driver JVM that spark-submit starts itself). The jar is submitted from a folder of its
   * own: next to target/lib its manifest's Class-Path would bring Delta back in.
   */
  private static ChildJvm submit(SparkHome spark, StandaloneCluster cluster, Path dir, Path lake) throws IOException {
    Path jar = Files.createDirectories(dir.resolve("app")).resolve("outcomes-jobs-cluster.jar");
    Files.copy(Path.of(property("outcomes.it.clusterJar",
        TARGET.resolve("outcomes-jobs-0.1.0-cluster.jar").toString())), jar);
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx1g"));
    jvmOptions.addAll(childJvmOptions());
    List<String> args = List.of(
        "--master", cluster.masterUrl(), "--deploy-mode", "client",
        "--class", "org.iopoutcomes.cli.OutcomesCli",
        "--total-executor-cores", "2", "--executor-memory", "1g",
        "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", childJvmOptions()),
        "--conf", "spark.driver.host=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        // Sized for a sample batch, as a local run sizes itself (SparkSessions.local): Delta's
        // default of 50 partitions to rebuild a table's snapshot costs seconds per table read.
        "--conf", "spark.sql.shuffle.partitions=4",
        "--conf", "spark.databricks.delta.snapshotPartitions=2",
        jar.toString(),
        "run", "--input", SAMPLE.toString(), "--lake", lake.toString());
    Map<String, String> environment = new HashMap<>(spark.environment());
    environment.put("OUTCOMES_DEBUG", "1");
    return ChildJvm.start("spark-submit", jvmOptions, spark.classpath(), "org.apache.spark.deploy.SparkSubmit",
        args, environment, dir, dir.resolve("logs"));
  }

  /** The master saw the application finish, and the worker's executor ran its tasks. */
  private static void assertExecutorsRanTasks(StandaloneCluster cluster) throws Exception {
    List<JsonNode> apps = cluster.completedApplications(Duration.ofSeconds(20));
    assertEquals(1, apps.size(), "completed applications on the master\n" + cluster.logTails());
    String appId = apps.get(0).path("id").asText();
    assertEquals("FINISHED", apps.get(0).path("state").asText(), "state of " + appId);
    Path appDir = cluster.workerDir().resolve(appId);
    try (Stream<Path> files = Files.walk(appDir)) {
      List<Path> executorLogs = files.filter(file -> file.getFileName().toString().equals("stderr")).toList();
      assertTrue(!executorLogs.isEmpty(), "no executor stderr under " + appDir);
      for (Path executorLog : executorLogs) {
        assertTrue(Files.readString(executorLog).contains("Running task"), "no task ran in " + executorLog);
      }
    }
  }

  /** Every gold table of the manifest, row for row, run_id aside. */
  private static void assertSameGoldTables(Path localLakeDir, Path clusterLakeDir) {
    SparkSession session = SparkTestSession.get();
    Lake local = new Lake(session, localLakeDir.toString());
    Lake cluster = new Lake(session, clusterLakeDir.toString());
    List<Executable> comparisons = new ArrayList<>();
    for (String table : Contract.load().goldTableNames()) {
      comparisons.add(() -> {
        Dataset<Row> expected = local.read(local.gold(table)).drop("run_id");
        Dataset<Row> actual = cluster.read(cluster.gold(table)).drop("run_id");
        long rows = expected.count();
        assertTrue(rows > 0, table + ": the local run wrote no rows");
        assertEquals(rows, actual.count(), table + ": rows");
        try {
          DataFrameAssertions.assertSameRows(expected, actual, TOLERANCE);
        } catch (AssertionError e) {
          throw new AssertionError(table + ": " + e.getMessage(), e);
        }
      });
    }
    assertAll("gold tables, local run vs cluster run", comparisons);
  }

  /**
   * Options of every JVM the test starts, executors included: Spark's Java 17 options (the parent
   * pom's list, passed by the build; else this JVM's own), and, since these JVMs live a minute or two
   * on a small shared machine, the quick JIT compiler only and a single-threaded collector.
   */
  private static List<String> childJvmOptions() {
    List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    String fromBuild = System.getProperty("outcomes.it.javaOptions");
    if (fromBuild != null && !fromBuild.isBlank()) {
      options.addAll(Arrays.asList(fromBuild.trim().split("\\s+")));
    } else {
      ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(option -> option.startsWith("--add-opens")).forEach(options::add);
    }
    return options;
  }

  private static String property(String name, String fallback) {
    return System.getProperty(name, fallback);
  }

  private static Path freshFolder(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    return Files.createDirectories(dir);
  }

  private static void log(String step, long start) {
    System.out.printf("StandaloneClusterIT: %s after %.1f s%n", step, (System.nanoTime() - start) / 1e9);
  }
}
