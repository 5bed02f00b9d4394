package org.iopoutcomes.lake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent writes, each to a table of its own, run at once. A small table's write is mostly
 * driver-side work (planning, the commit, the log) during which the cores wait; a few writes side
 * by side keep them busy. Spark runs the jobs of several threads of one session side by side, and
 * each Delta table commits on its own, so each table is still replaced in one commit.
 *
 * <p>Every write is waited for, failed or not, before the first failure is thrown: nothing is left
 * writing behind a run that reports it stopped.
 */
public final class ConcurrentWrites {

  /** Writes at once: enough to overlap the driver's work, few enough to keep memory in bounds. */
  static final int WRITERS = 3;

  private ConcurrentWrites() {}

  /** Runs every write and returns the results in the order given. */
  public static <K, V> Map<K, V> run(Map<K, Callable<V>> writes) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(WRITERS, writes.size())), runnable -> {
      Thread thread = new Thread(runnable, "lake-writer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<K, Future<V>> running = new LinkedHashMap<>();
      writes.forEach((key, write) -> running.put(key, pool.submit(write)));
      Map<K, V> results = new LinkedHashMap<>();
      List<Throwable> failures = new ArrayList<>();
      for (Map.Entry<K, Future<V>> write : running.entrySet()) {
        try {
          results.put(write.getKey(), write.getValue().get());
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failures.add(e);
        }
      }
      if (!failures.isEmpty()) {
        throw asUnchecked(failures);
      }
      return results;
    } finally {
      pool.shutdown();
    }
  }

  /** The first failure, with the others attached to it. */
  private static RuntimeException asUnchecked(List<Throwable> failures) {
    Throwable first = failures.get(0);
    failures.stream().skip(1).forEach(first::addSuppressed);
    if (first instanceof Error error) {
      throw error;
    }
    return first instanceof RuntimeException runtime ? runtime : new IllegalStateException(first.getMessage(), first);
  }
}
