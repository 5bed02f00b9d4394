package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {

  private static final double Z = WilsonInterval.Z_95;

  @Test
  void withEveryEpisodeCountedItIsTheMeanPlusMinusZStandardErrors() {
    List<Double> costs = List.of(350.0, 90.0, 200.0, 1250.5, 0.0);
    double mean = costs.stream().mapToDouble(c -> c).average().orElseThrow();
    double variance = costs.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / (costs.size() - 1);
    double half = Z * Math.sqrt(variance / costs.size());
    assertArrayEquals(new double[] {mean - half, mean + half}, interval(costs, List.of(1, 1, 1, 1, 1)), 1e-9);
  }

  @Test
  void forABinaryOutcomeItIsTheDeltaMethodIntervalOfTheRatio() {
    List<Double> costs = List.of(350.0, 90.0, 200.0, 410.25);
    List<Integer> completed = List.of(1, 0, 1, 0);
    double ratio = (350.0 + 90 + 200 + 410.25) / 2;
    double residuals = 0;
    for (int i = 0; i < costs.size(); i++) {
      residuals += Math.pow(costs.get(i) - ratio * completed.get(i), 2);
    }
    double half = Z * Math.sqrt(4.0 / 3 * residuals / 4);
    assertArrayEquals(new double[] {ratio - half, ratio + half}, interval(costs, completed), 1e-9);
  }

  @Test
  void largeCostsLoseNoPrecisionToCancellation() {
    // Costs 1,000,000,000.01 and .03: Σy² − (Σy)²/n cancels all but the last digits; exact sums keep them.
    double[] interval = RatioInterval.of(2, new BigDecimal("2000000000.04"),
        new BigDecimal("2000000000080000000.0010"), 2, new BigDecimal("2000000000.04"));
    double half = Z * 0.01;
    assertArrayEquals(new double[] {1_000_000_000.02 - half, 1_000_000_000.02 + half}, interval, 1e-6);
  }

  @Test
  void noIntervalWithoutAnOutcomeOrWithOneEpisode() {
    assertNull(RatioInterval.of(5, new BigDecimal("100.00"), new BigDecimal("5000.0000"), 0, BigDecimal.ZERO));
    assertNull(RatioInterval.of(1, new BigDecimal("100.00"), new BigDecimal("10000.0000"), 1,
        new BigDecimal("100.00")));
  }

  @Test
  void refusesMoreOutcomesThanEpisodes() {
    assertThrows(IllegalArgumentException.class,
        () -> RatioInterval.of(2, BigDecimal.ONE, BigDecimal.ONE, 3, BigDecimal.ONE));
  }

  private static double[] interval(List<Double> costs, List<Integer> outcomes) {
    BigDecimal sumY = BigDecimal.ZERO;
    BigDecimal sumYSquared = BigDecimal.ZERO;
    BigDecimal sumXY = BigDecimal.ZERO;
    long sumX = 0;
    for (int i = 0; i < costs.size(); i++) {
      BigDecimal cost = BigDecimal.valueOf(costs.get(i)).setScale(2);
      sumY = sumY.add(cost);
      sumYSquared = sumYSquared.add(cost.multiply(cost));
      sumX += outcomes.get(i);
      sumXY = sumXY.add(outcomes.get(i) == 1 ? cost : BigDecimal.ZERO);
    }
    return RatioInterval.of(costs.size(), sumY, sumYSquared, sumX, sumXY);
  }
}
