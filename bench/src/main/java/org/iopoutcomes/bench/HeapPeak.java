package org.iopoutcomes.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak heap in use since the last reset: the sum of every heap pool's peak (young, survivor and
 * old generation). Pools peak at different moments, so the sum can overstate the true peak a
 * little, never understate it; the heap limit (-Xmx) bounds it from above.
 */
final class HeapPeak {

  private HeapPeak() {}

  static void reset() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  static long bytes() {
    return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  static long limit() {
    return Runtime.getRuntime().maxMemory();
  }

  private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
  }
}
