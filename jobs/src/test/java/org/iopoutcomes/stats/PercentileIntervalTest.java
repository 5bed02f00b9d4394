package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against R's {@code quantile(x, c(.025, .975))} (type 7), run in R 4.2.2, and by hand with
 * h = 1 + (n − 1) p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]):
 * <ul>
 *   <li>1..1000: h = 1 + 999 · 0.025 = 25.975 → 25 + 0.975 · 1 = 25.975; h = 1 + 999 · 0.975 = 975.025
 *       → 975.025. R: 25.975, 975.025.</li>
 *   <li>3.1, 0.5, 2.2, 9.7, 4.4, 6.0, 1.8, sorted 0.5, 1.8, 2.2, 3.1, 4.4, 6.0, 9.7 (n = 7):
 *       h = 1.15 → 0.5 + 0.15 · 1.3 = 0.695; h = 6.85 → 6.0 + 0.85 · 3.7 = 9.145. R: 0.695, 9.145.</li>
 *   <li>5, NaN, 1, 3 with na.rm = TRUE, sorted 1, 3, 5: h = 1.05 → 1.1; h = 2.95 → 4.9. R: 1.1, 4.9.</li>
 *   <li>1, 2: h = 1.025 → 1.025; h = 1.975 → 1.975. R: 1.025, 1.975.</li>
 *   <li>42 alone: both 42. R: 42, 42.</li>
 * </ul>
 */
class PercentileIntervalTest {

  @Test
  void oneToAThousand() {
    double[] values = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
    assertArrayEquals(new double[] {25.975, 975.025}, PercentileInterval.of(values), 1e-9);
  }

  @ParameterizedTest(name = "{0}: {1} to {2}")
  @CsvSource(delimiter = ';', value = {
    "3.1, 0.5, 2.2, 9.7, 4.4, 6.0, 1.8; 0.695; 9.145",
    "5, NaN, 1, 3; 1.1; 4.9",
    "1, 2; 1.025; 1.975",
    "42; 42; 42"
  })
  void smallVectorsAsR(String values, double low, double high) {
    double[] interval = PercentileInterval.of(parse(values));
    assertEquals(low, interval[0], 1e-12, "2.5% quantile");
    assertEquals(high, interval[1], 1e-12, "97.5% quantile");
  }

  /** Order statistics come back exactly where h is a whole number: n = 5, p = 0.25 → h = 2 → x[2]. */
  @Test
  void wholeIndexGivesTheOrderStatistic() {
    assertEquals(2.0, PercentileInterval.quantile(new double[] {5, 4, 3, 2, 1}, 0.25));
    assertEquals(1.0, PercentileInterval.quantile(new double[] {5, 4, 3, 2, 1}, 0.0));
    assertEquals(5.0, PercentileInterval.quantile(new double[] {5, 4, 3, 2, 1}, 1.0));
  }

  @Test
  void leavesTheReplicatesUntouched() {
    double[] replicates = {3, 1, 2};
    PercentileInterval.of(replicates);
    assertArrayEquals(new double[] {3, 1, 2}, replicates);
  }

  @Test
  void infinitiesAreOrderedLikeOtherValues() {
    double[] interval = PercentileInterval.of(new double[] {1, 2, Double.POSITIVE_INFINITY});
    assertEquals(1.05, interval[0], 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, interval[1]);
  }

  @Test
  void nothingToRankNoInterval() {
    assertNull(PercentileInterval.of(new double[0]));
    assertNull(PercentileInterval.of(new double[] {Double.NaN, Double.NaN}));
    assertNull(PercentileInterval.quantile(new double[0], 0.5));
  }

  @Test
  void refusesProbabilitiesOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> PercentileInterval.quantile(new double[] {1}, 1.5));
    assertThrows(IllegalArgumentException.class, () -> PercentileInterval.quantile(new double[] {1}, Double.NaN));
  }

  private static double[] parse(String values) {
    String[] parts = values.split(",");
    double[] parsed = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      parsed[i] = Double.parseDouble(parts[i].trim());
    }
    return parsed;
  }
}
