package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShufflePartitionsTest {

  private static final long MIB = 1L << 20;

  @ParameterizedTest(name = "{0} MiB of input -> {1} partitions")
  @CsvSource({
      "0, 4",          // an empty correction batch still gets the floor
      "1, 4",          // the sample batch
      "256, 4",
      "257, 5",        // just over four partitions' worth: one more
      "420, 7",        // 100,000 generated episodes
      "4200, 66",      // a million
      "100000, 400"})  // capped: past this, a cluster should set its own
  void partitionsFollowTheInputSize(long mebibytes, int expected) {
    assertEquals(expected, ShufflePartitions.forInputBytes(mebibytes * MIB),
        "about 64 MiB of input per shuffle partition, between 4 and 400");
  }
}
