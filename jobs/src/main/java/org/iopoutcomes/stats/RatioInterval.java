package org.iopoutcomes.stats;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A 95% interval for a ratio of sums over the n episodes of a group, R = Σy / Σx, where y is an
 * episode's cost and x is 1 when the episode has the outcome (completed, retained) and 0 otherwise;
 * with x ≡ 1 it is the mean cost per episode. The variance is the Taylor-linearisation (delta-method)
 * variance of a ratio estimator (Cochran, Sampling Techniques, 3rd ed., §6.3):
 * <pre>
 *   Var(R) = n / (n − 1) · Σ (y_i − R x_i)² / (Σx)²
 * </pre>
 * With x binary (Σx² = Σx), Σx · Σ(y − R x)² = Σx · Σy² − 2 Σy · Σxy + (Σy)², which is computed
 * exactly from the sums in cents, so the result does not depend on the order episodes were added
 * in; the interval is R ± z √Var. It treats the group's episodes as
 * independent draws and the cost as roughly normal in the mean, which holds for groups large enough
 * to be shown on a dashboard (11 or more); cost distributions are skewed, so small groups get a
 * too-narrow interval. Null when Σx = 0 (no ratio) or n &lt; 2 (no variance).
 */
public final class RatioInterval {

  private RatioInterval() {}

  /**
   * The interval {low, high} in the units of y, for n episodes with sums Σy, Σy², Σx and Σxy (money
   * with at most two decimal places, Σy² with at most four); null when there is none.
   */
  public static double[] of(long n, BigDecimal sumY, BigDecimal sumYSquared, long sumX, BigDecimal sumXY) {
    return of(n, sumY, sumYSquared, sumX, sumXY, WilsonInterval.Z_95);
  }

  public static double[] of(long n, BigDecimal sumY, BigDecimal sumYSquared, long sumX, BigDecimal sumXY,
      double z) {
    if (sumX < 0 || sumX > n) {
      throw new IllegalArgumentException("need 0 <= Σx <= n for a binary x, got Σx = " + sumX + " of " + n);
    }
    if (sumX == 0 || n < 2) {
      return null;
    }
    BigInteger y = cents(sumY, 2);
    BigInteger yy = cents(sumYSquared, 4);
    BigInteger xy = cents(sumXY, 2);
    BigInteger x = BigInteger.valueOf(sumX);
    // Σx · Σ(y − R x)², in cents², exactly; never negative but for inconsistent sums.
    BigInteger scaledResiduals = x.multiply(yy).subtract(BigInteger.TWO.multiply(y).multiply(xy)).add(y.multiply(y));
    double residuals = Math.max(0.0, scaledResiduals.doubleValue());
    double variance = n * residuals / ((n - 1) * Math.pow(sumX, 3));
    double ratio = y.doubleValue() / sumX;
    double half = z * Math.sqrt(variance);
    return new double[] {(ratio - half) / 100, (ratio + half) / 100};
  }

  /** An amount with {@code places} decimal places as an integer count of its smallest unit. */
  private static BigInteger cents(BigDecimal amount, int places) {
    return amount.setScale(places).unscaledValue();
  }
}
