package org.iopoutcomes.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long the bootstrap takes on synthetic discharged episodes, {@link BootstrapSums} against the
 * one-row-per-episode-and-resample SQL it replaced. Too slow for the suite; run it on purpose:
 * <pre>
 *   mvn -pl jobs test -Dtest=BootstrapTimingTest -Dbootstrap.timing.episodes=1000000 [-Dbootstrap.timing.exploded=true]
 * </pre>
 * It prints, e.g., {@code bootstrap of 100000 episodes × 1000 resamples: partition sums 21.7 s, 30.2 s of CPU}.
 */
@EnabledIfSystemProperty(named = "bootstrap.timing.episodes", matches = "\\d+")
class BootstrapTimingTest {

  private static final int RESAMPLES = 1000;
  private static final long SEED = 7L;

  @Test
  void timeTheBootstrap() {
    long episodes = Long.parseLong(System.getProperty("bootstrap.timing.episodes"));
    Dataset<Row> discharged = BootstrapSumsTest.syntheticEpisodes(episodes).cache();
    discharged.count();
    String what = "bootstrap of " + episodes + " episodes × " + RESAMPLES + " resamples: ";
    Map<String, double[][]> sums = timed(what + "partition sums",
        () -> BootstrapSums.byLevel(discharged, RESAMPLES, SEED));
    if (Boolean.getBoolean("bootstrap.timing.exploded")) {
      Map<String, double[][]> exploded = timed(what + "one row per episode and resample",
          () -> ExplodedBootstrap.byLevel(discharged, RESAMPLES, SEED));
      sums.forEach((level, replicates) -> {
        for (int b = 0; b < RESAMPLES; b++) {
          assertEquals(exploded.get(level)[b][0], replicates[b][0], 0.0, level + " Σ w, resample " + b);
          assertEquals(exploded.get(level)[b][1], replicates[b][1], 1e-12 * Math.abs(replicates[b][1]),
              level + " Σ w·cost, resample " + b);
        }
      });
    }
    discharged.unpersist();
  }

  /** Wall-clock and the JVM's CPU time: on a shared machine the CPU time is the steadier figure. */
  private static <T> T timed(String what, Supplier<T> work) {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    long cpuStart = os.getProcessCpuTime();
    T result = work.get();
    System.out.printf("%s %.1f s, %.1f s of CPU%n", what, (System.nanoTime() - start) / 1e9,
        (os.getProcessCpuTime() - cpuStart) / 1e9);
    return result;
  }
}
