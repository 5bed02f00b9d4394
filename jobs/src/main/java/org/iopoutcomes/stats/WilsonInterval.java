package org.iopoutcomes.stats;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3):
 * for x successes in n trials, p = x/n and
 * <pre>
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z √(p(1−p)/n + z²/4n²) / (1 + z²/n)
 * </pre>
 * The interval is [centre − half, centre + half]. Unlike the Wald interval it stays inside [0, 1]
 * and keeps its coverage for small n and for p near 0 or 1.
 */
public final class WilsonInterval {

  /** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
  public static final double Z_95 = 1.959963984540054;

  private WilsonInterval() {}

  /** The 95% interval as {low, high}; null when n is 0 (no rate to bound). */
  public static double[] of(long successes, long trials) {
    return of(successes, trials, Z_95);
  }

  public static double[] of(long successes, long trials, double z) {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
    if (trials == 0) {
      return null;
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // At p = 0 the lower bound is exactly 0, at p = 1 the upper bound exactly 1; floating point
    // would leave a residue of about 1e-17 there.
    double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = successes == trials ? 1.0 : Math.min(1.0, centre + half);
    return new double[] {low, high};
  }
}
