package org.iopoutcomes.stats;

/**
 * Weights of the Poisson bootstrap (Hanley and MacGibbon 2006; Chamandy et al. 2012): instead of
 * drawing n records with replacement, every record enters each resample a Poisson(1) number of
 * times, independently. The resamples then need no coordination between records, so they can be
 * formed where the records lie, in parallel, and for n of a few dozen and more the percentile
 * intervals agree with those of the classical (multinomial) bootstrap.
 *
 * <p>A weight is drawn from a uniform number u in [0, 1) by inverting the Poisson(1) distribution
 * function: the smallest k with P(X ≤ k) > u.
 */
public final class PoissonBootstrap {

  /** Beyond this count, P(X > k) is below 1e-9 and no weight is drawn larger. */
  public static final int MAX_WEIGHT = 12;

  /** Looked up for every record in every resample, so computed once. */
  private static final double[] CUMULATIVE = cumulativeProbabilities();

  private PoissonBootstrap() {}

  /** P(X ≤ k) for X ~ Poisson(1), k = 0..MAX_WEIGHT − 1. */
  public static double[] cumulativeProbabilities() {
    double[] cumulative = new double[MAX_WEIGHT];
    double term = Math.exp(-1);
    double sum = 0;
    for (int k = 0; k < MAX_WEIGHT; k++) {
      if (k > 0) {
        term /= k;
      }
      sum += term;
      cumulative[k] = sum;
    }
    return cumulative;
  }

  /** The weight for a uniform number u in [0, 1). */
  public static int weight(double u) {
    for (int k = 0; k < CUMULATIVE.length; k++) {
      if (u < CUMULATIVE[k]) {
        return k;
      }
    }
    return MAX_WEIGHT;
  }
}
