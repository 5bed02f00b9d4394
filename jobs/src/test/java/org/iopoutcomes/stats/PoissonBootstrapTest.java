package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonBootstrapTest {

  /** P(X ≤ k) for Poisson(1): e^-1 · Σ 1/j!, e.g. R's ppois(0:3, 1). */
  @ParameterizedTest(name = "P(X <= {0}) = {1}")
  @CsvSource({"0, 0.3678794411714423", "1, 0.7357588823428847", "2, 0.9196986029286058", "3, 0.9810118431238462"})
  void distributionFunction(int k, double expected) {
    assertEquals(expected, PoissonBootstrap.cumulativeProbabilities()[k], 1e-15);
  }

  @ParameterizedTest(name = "u = {0} gives weight {1}")
  @CsvSource({"0.0, 0", "0.3678, 0", "0.3679, 1", "0.9, 2", "0.99, 4", "0.9999999999, 12"})
  void inverseDistributionFunction(double u, int weight) {
    assertEquals(weight, PoissonBootstrap.weight(u));
  }

  @Test
  void weightsHaveMeanAndVarianceOne() {
    Random random = new Random(7);
    int n = 200_000;
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < n; i++) {
      int w = PoissonBootstrap.weight(random.nextDouble());
      sum += w;
      sumOfSquares += (double) w * w;
    }
    double mean = sum / n;
    assertEquals(1.0, mean, 0.01, "mean");
    assertEquals(1.0, sumOfSquares / n - mean * mean, 0.02, "variance");
  }
}
