package org.iopoutcomes.stats;

import java.util.Arrays;

/**
 * The 95% percentile interval of bootstrap replicates (Efron and Tibshirani, "An Introduction to the
 * Bootstrap", 1993, section 13.3): the 2.5% and 97.5% quantiles of the replicates.
 *
 * <p>Quantiles are R's default, {@code quantile(x, type = 7)} (Hyndman and Fan 1996, definition 7):
 * with the n values sorted x[1] ≤ … ≤ x[n] and
 * <pre>
 *   h = 1 + (n − 1) p,   lo = ⌊h⌋,   hi = ⌈h⌉
 *   Q(p) = (1 − (h − lo)) x[lo] + (h − lo) x[hi]      (just x[lo] where x[hi] = x[lo])
 * </pre>
 * which is linear interpolation between order statistics. NaN replicates (resamples where the
 * statistic does not exist, e.g. an empty group) are left out first, as {@code na.rm = TRUE} does;
 * infinities are kept and ordered like any other value, as in R.
 */
public final class PercentileInterval {

  private PercentileInterval() {}

  /** {2.5% quantile, 97.5% quantile} of the replicates; null when there is no non-NaN replicate. */
  public static double[] of(double[] replicates) {
    double[] sorted = sortedWithoutNaN(replicates);
    if (sorted.length == 0) {
      return null;
    }
    return new double[] {typeSeven(sorted, 0.025), typeSeven(sorted, 0.975)};
  }

  /** R's quantile(values, probability, type = 7, na.rm = TRUE); null when no value is left. */
  public static Double quantile(double[] values, double probability) {
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
    }
    double[] sorted = sortedWithoutNaN(values);
    return sorted.length == 0 ? null : typeSeven(sorted, probability);
  }

  private static double typeSeven(double[] sorted, double probability) {
    double h = 1 + (sorted.length - 1) * probability;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    double atLo = sorted[lo - 1];
    double atHi = sorted[hi - 1];
    if (h == lo || atHi == atLo) {
      return atLo;
    }
    double fraction = h - lo;
    return (1 - fraction) * atLo + fraction * atHi;
  }

  private static double[] sortedWithoutNaN(double[] values) {
    double[] kept = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    Arrays.sort(kept);
    return kept;
  }
}
