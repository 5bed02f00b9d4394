package org.iopoutcomes.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class running in a JVM of its own, standard output and error in one log file. Closing
 * it ends the JVM and every process it started (a worker's executors), even when the test fails.
 */
final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread stopOnExit;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    // A test JVM ended by Maven's timeout or Ctrl-C must not leave a cluster behind.
    this.stopOnExit = new Thread(this::stop, "stop " + name);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} in {@code workingDir}. */
  static ChildJvm start(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args,
      Map<String, String> environment, Path workingDir, Path logDir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, mainClass));
    command.addAll(args);
    Path log = logDir.resolve(name + ".log");
    try {
      Files.createDirectories(logDir);
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workingDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      return new ChildJvm(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or -1 when the JVM was still running after {@code timeoutSeconds}. */
  int waitFor(long timeoutSeconds) throws InterruptedException {
    return process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  Path log() {
    return log;
  }

  /** The last lines of the log, to put in a failure message. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- last " + Math.min(lines, all.size()) + " lines of " + log + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing left to remove
    }
  }

  /**
   * Asks the JVM to stop (a worker then kills its executors itself), and kills whatever of its
   * process tree is still there a few seconds later. The children are listed first: once the
   * parent is gone they can no longer be found through it.
   */
  private void stop() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }
}
