package org.iopoutcomes.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as the gold tables publish it: amounts in cents, ratios rounded half-up to cents. A ratio of
 * exact totals is divided exactly before it is rounded; a figure that is already a double (a
 * bootstrap percentile, an ICER) is rounded from its shortest decimal form.
 */
public final class Money {

  private static final int CENTS = 2;

  private Money() {}

  /** total / count rounded half-up to cents; null when count is 0. */
  public static BigDecimal per(BigDecimal total, long count) {
    return count == 0 ? null : total.divide(BigDecimal.valueOf(count), CENTS, RoundingMode.HALF_UP);
  }

  /** A double rounded half-up to cents, from its shortest decimal form (so 0.125 gives 0.13). */
  public static BigDecimal centsOf(double value) {
    return BigDecimal.valueOf(value).setScale(CENTS, RoundingMode.HALF_UP);
  }

  /** {@link #centsOf} as a double; null stays null, and so does a value that is not a number. */
  public static Double cents(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? null : centsOf(value).doubleValue();
  }

  /** Both bounds of an interval rounded to cents (NaN bounds stay NaN); null stays null. */
  public static double[] cents(double[] interval) {
    if (interval == null) {
      return null;
    }
    double[] rounded = new double[interval.length];
    for (int i = 0; i < interval.length; i++) {
      Double bound = cents(interval[i]);
      rounded[i] = bound == null ? Double.NaN : bound;
    }
    return rounded;
  }

  public static Double toDouble(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }
}
