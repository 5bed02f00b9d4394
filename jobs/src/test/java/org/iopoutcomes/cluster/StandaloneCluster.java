package org.iopoutcomes.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Spark standalone cluster on the loopback address: a master and one worker, each in its own JVM,
 * started from the spark-core classes of a {@link SparkHome}. The worker's executors are JVMs of
 * their own too, so a job submitted here crosses process boundaries as on a real cluster: tasks and
 * the application jar travel over the network, results come back serialized.
 */
final class StandaloneCluster implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int masterPort;
  private final URI masterStateUri;
  private final Path workerDir;
  private final List<ChildJvm> daemons = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private StandaloneCluster(int masterPort, int masterWebPort, Path workerDir) {
    this.masterPort = masterPort;
    this.masterStateUri = URI.create("http://127.0.0.1:" + masterWebPort + "/json/");
    this.workerDir = workerDir;
  }

  /**
   * Starts the master, then a worker offering {@code cores} cores and {@code memory} (e.g. "2g"), and
   * returns once the master lists the worker as alive. Logs go to {@code dir/logs}, executors' work
   * folders (their stdout and stderr) to {@code dir/work}.
   */
  static StandaloneCluster start(SparkHome spark, List<String> javaOptions, Path dir, int cores, String memory)
      throws InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(freePort(), freePort(), dir.resolve("work"));
    try {
      cluster.startDaemon(spark, javaOptions, dir, "master", "org.apache.spark.deploy.master.Master", List.of(
          "--host", "127.0.0.1", "--port", String.valueOf(cluster.masterPort),
          "--webui-port", String.valueOf(cluster.masterStateUri.getPort())));
      cluster.awaitState(state -> "ALIVE".equals(state.path("status").asText()), "the master to be up");
      cluster.startDaemon(spark, javaOptions, dir, "worker", "org.apache.spark.deploy.worker.Worker", List.of(
          "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()),
          "--cores", String.valueOf(cores), "--memory", memory,
          "--work-dir", cluster.workerDir.toString(), cluster.masterUrl()));
      cluster.awaitState(state -> state.path("aliveworkers").asInt() >= 1, "the worker to register");
      return cluster;
    } catch (RuntimeException | InterruptedException e) {
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Where the worker keeps one folder per application, one per executor inside it. */
  Path workerDir() {
    return workerDir;
  }

  /** The applications the master has seen finish, as its web UI's JSON lists them. */
  List<JsonNode> completedApplications(Duration wait) throws InterruptedException {
    JsonNode state = awaitStateOrLast(s -> s.path("completedapps").size() > 0, wait);
    List<JsonNode> apps = new ArrayList<>();
    state.path("completedapps").forEach(apps::add);
    return apps;
  }

  /** The tail of every daemon's log, for a failure message. */
  String logTails() {
    StringBuilder tails = new StringBuilder();
    daemons.forEach(daemon -> tails.append(daemon.logTail(30)).append('\n'));
    return tails.toString();
  }

  /** Stops the worker (and with it its executors), then the master. */
  @Override
  public void close() {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      daemons.get(i).close();
    }
  }

  private void startDaemon(SparkHome spark, List<String> javaOptions, Path dir, String name, String mainClass,
      List<String> args) {
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    jvmOptions.addAll(javaOptions);
    daemons.add(ChildJvm.start(name, jvmOptions, spark.classpath(), mainClass, args, spark.environment(), dir,
        dir.resolve("logs")));
  }

  private void awaitState(Predicate<JsonNode> condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ChildJvm daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new IllegalStateException(daemon.name() + " ended while waiting for " + what + "\n" + logTails());
        }
      }
      JsonNode state = masterState();
      if (state != null && condition.test(state)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("timed out after " + START_TIMEOUT + " waiting for " + what + "\n" + logTails());
  }

  private JsonNode awaitStateOrLast(Predicate<JsonNode> condition, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    JsonNode state = masterState();
    while ((state == null || !condition.test(state)) && System.nanoTime() < deadline) {
      Thread.sleep(250);
      state = masterState();
    }
    return state == null ? JSON.createObjectNode() : state;
  }

  /** The master's state from its web UI, or null while it does not answer yet. */
  private JsonNode masterState() throws InterruptedException {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(masterStateUri).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException notUpYet) {
      return null;
    }
  }

  /** A port nobody listens on now. Another process may take it before the daemon binds it: rare here. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
