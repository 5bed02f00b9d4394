package org.iopoutcomes.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peak of the heap in use, sampled every 20 ms on a daemon thread. (The memory pools' own peaks
 * are per pool, reached at different moments: their sum overstates the peak, even past -Xmx.)
 * Heap in use includes garbage not yet collected, so this is an upper bound of what the run needed;
 * that the run finished under the heap limit is the firmer fact.
 */
final class HeapPeak {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final AtomicLong PEAK = new AtomicLong();

  static {
    Thread sampler = new Thread(() -> {
      while (true) {
        PEAK.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-peak-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private HeapPeak() {}

  /** Starts a new measurement from the heap in use after a collection. */
  static void reset() {
    System.gc();
    PEAK.set(MEMORY.getHeapMemoryUsage().getUsed());
  }

  static long bytes() {
    return PEAK.get();
  }

  static long limit() {
    return Runtime.getRuntime().maxMemory();
  }
}
