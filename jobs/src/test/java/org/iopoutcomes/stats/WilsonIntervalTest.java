package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worked examples of Newcombe RG, "Two-sided confidence intervals for the single proportion:
 * comparison of seven methods", Statistics in Medicine 1998;17:857-872, Table I, method 3 (score
 * interval without continuity correction), given there to four decimals.
 */
class WilsonIntervalTest {

  @ParameterizedTest(name = "{0}/{1}: {2} to {3}")
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0,  20,  0.0000, 0.1611",
    "1,  29,  0.0061, 0.1718"
  })
  void newcombeTableOne(long successes, long trials, double low, double high) {
    double[] interval = WilsonInterval.of(successes, trials);
    assertEquals(low, interval[0], 5e-5, "lower bound");
    assertEquals(high, interval[1], 5e-5, "upper bound");
  }

  @Test
  void boundsAreExactAtZeroAndOne() {
    assertEquals(0.0, WilsonInterval.of(0, 7)[0]);
    assertEquals(1.0, WilsonInterval.of(7, 7)[1]);
  }

  @Test
  void symmetricAroundOneHalf() {
    double[] interval = WilsonInterval.of(5, 10);
    assertEquals(1.0, interval[0] + interval[1], 1e-12);
  }

  @Test
  void noTrialsNoInterval() {
    assertNull(WilsonInterval.of(0, 0));
  }

  @Test
  void refusesImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2));
  }
}
