package org.iopoutcomes.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Writes run side by side, results come back in the order given, and a failure waits for the rest. */
class ConcurrentWritesTest {

  @Test
  void resultsInTheOrderGivenFromWritesThatRanAtOnce() {
    // Each write waits until a second one has started: they can only finish if they overlap.
    CountDownLatch bothStarted = new CountDownLatch(2);
    Map<String, Callable<String>> writes = new LinkedHashMap<>();
    for (String table : List.of("b", "a", "c")) {
      writes.put(table, () -> {
        bothStarted.countDown();
        assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "another write ran at the same time");
        return table.toUpperCase();
      });
    }
    Map<String, String> results = ConcurrentWrites.run(writes);
    assertEquals(List.of("b", "a", "c"), List.copyOf(results.keySet()));
    assertEquals(List.of("B", "A", "C"), List.copyOf(results.values()));
  }

  @Test
  void aFailureIsThrownOnceEveryWriteHasEnded() {
    AtomicInteger finished = new AtomicInteger();
    Map<String, Callable<Integer>> writes = new LinkedHashMap<>();
    writes.put("broken", () -> {
      throw new IllegalStateException("disk full");
    });
    for (int i = 0; i < 4; i++) {
      writes.put("slow-" + i, () -> {
        Thread.sleep(50);
        return finished.incrementAndGet();
      });
    }
    writes.put("also-broken", () -> {
      throw new IllegalArgumentException("bad row");
    });
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ConcurrentWrites.run(writes));
    assertEquals("disk full", thrown.getMessage(), "the first failure in the order given");
    assertEquals(1, thrown.getSuppressed().length, "the other failure rides along");
    assertEquals(4, finished.get(), "every other write ran to its end first");
  }
}
