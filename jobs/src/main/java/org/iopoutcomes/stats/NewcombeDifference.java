package org.iopoutcomes.stats;

/**
 * Newcombe's hybrid score interval for the difference p1 − p2 of two independent proportions
 * (Newcombe RG, "Interval estimation for the difference between independent proportions: comparison
 * of eleven methods", Statistics in Medicine 1998;17:873-890, method 10). With p1 = x1/n1,
 * p2 = x2/n2, their Wilson score intervals (l1, u1) and (l2, u2) ({@link WilsonInterval}) and
 * δ = p1 − p2:
 * <pre>
 *   low  = δ − √((p1 − l1)² + (u2 − p2)²)
 *   high = δ + √((u1 − p1)² + (p2 − l2)²)
 * </pre>
 * The bounds stay inside [−1, 1] without truncation: low ≥ δ − (p1 − l1) − (u2 − p2) = l1 − u2 ≥ −1,
 * and likewise high ≤ u1 − l2 ≤ 1.
 */
public final class NewcombeDifference {

  private NewcombeDifference() {}

  /** The 95% interval of x1/n1 − x2/n2 as {low, high}; null when either n is 0. */
  public static double[] of(long successes1, long trials1, long successes2, long trials2) {
    return of(successes1, trials1, successes2, trials2, WilsonInterval.Z_95);
  }

  public static double[] of(long successes1, long trials1, long successes2, long trials2, double z) {
    double[] wilson1 = WilsonInterval.of(successes1, trials1, z);
    double[] wilson2 = WilsonInterval.of(successes2, trials2, z);
    if (wilson1 == null || wilson2 == null) {
      return null;
    }
    double p1 = successes1 / (double) trials1;
    double p2 = successes2 / (double) trials2;
    double delta = p1 - p2;
    double low = delta - Math.hypot(p1 - wilson1[0], wilson2[1] - p2);
    double high = delta + Math.hypot(wilson1[1] - p1, p2 - wilson2[0]);
    return new double[] {low, high};
  }
}
