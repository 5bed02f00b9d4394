package org.iopoutcomes.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Spark installation made of the jars Maven already fetched: {@code <home>/jars/} holds Spark and
 * its dependencies from {@code target/lib}, which is all Spark's launcher code looks for. What the
 * cluster jar brings itself (our code, Delta, picocli) is left out, as on a real cluster, so that a
 * class missing from the cluster jar fails the run instead of being found here.
 */
record SparkHome(Path home) {

  /** Jars of target/lib that belong to the application, not to Spark. */
  private static final List<String> APPLICATION_JARS = List.of("outcomes-", "delta-", "picocli-");

  static SparkHome assemble(Path home, Path libDir) {
    Path jars = home.resolve("jars");
    try (Stream<Path> lib = Files.list(libDir)) {
      Files.createDirectories(jars);
      for (Path jar : lib.filter(SparkHome::belongsToSpark).toList()) {
        linkOrCopy(jar.toAbsolutePath(), jars.resolve(jar.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble a Spark home in " + home + " from " + libDir, e);
    }
    return new SparkHome(home.toAbsolutePath());
  }

  /** The class path of Spark's own JVMs: master, worker, executors and the submitting driver. */
  String classpath() {
    return home.resolve("jars") + "/*";
  }

  /**
   * What Spark's launcher code needs: the home, and the Scala version (it asks for it before it
   * looks for jars/). Every process binds to the loopback address, the executors' JVM is ours.
   */
  Map<String, String> environment() {
    return Map.of(
        "SPARK_HOME", home.toString(),
        "SPARK_SCALA_VERSION", "2.12",
        "SPARK_LOCAL_IP", "127.0.0.1",
        "JAVA_HOME", System.getProperty("java.home"));
  }

  private static boolean belongsToSpark(Path jar) {
    String name = jar.getFileName().toString();
    return name.endsWith(".jar") && APPLICATION_JARS.stream().noneMatch(name::startsWith);
  }

  private static void linkOrCopy(Path jar, Path target) throws IOException {
    try {
      Files.createSymbolicLink(target, jar);
    } catch (UnsupportedOperationException | IOException noLinks) {
      Files.copy(jar, target);
    }
  }
}
