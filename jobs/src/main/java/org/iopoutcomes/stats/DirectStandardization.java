package org.iopoutcomes.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directly standardised rate of a group: the rate the group would have if its case mix were the
 * standard population's, keeping its own rate within each stratum (direct standardisation as in
 * Rothman, Greenland and Lash, "Modern Epidemiology", 3rd ed., 2008, section "Standardization"):
 * <pre>
 *   rate_s = successes_s / n_s                          (the group's rate in stratum s)
 *   w_s    = standard_n_s / Σ_s' standard_n_s'           (the standard's share in stratum s)
 *   rate   = Σ_s w_s · rate_s
 * </pre>
 * A stratum where the group has n = 0 has no rate to weight, so it is dropped and the remaining
 * strata's weights are renormalised to sum to 1 (the sums above run over the kept strata only).
 * The rate is then standardised to the part of the standard population the group covers;
 * {@link #coverage(List)} says how large that part is. A group whose case mix equals the standard's
 * gets its crude rate back.
 */
public final class DirectStandardization {

  /** A stratum: its key, the group's successes and n in it, and the standard population's n in it. */
  public record Stratum(String key, long successes, long n, long standardN) {
    public Stratum {
      if (successes < 0 || n < 0 || standardN < 0 || successes > n) {
        throw new IllegalArgumentException("need 0 <= successes <= n and standardN >= 0 in stratum "
            + key + ", got " + successes + " of " + n + ", standard " + standardN);
      }
    }
  }

  private DirectStandardization() {}

  /**
   * The standardised rate; null when no stratum has both group n > 0 and standard n > 0 (nothing
   * to weight). Stratum keys must be distinct.
   */
  public static Double rate(List<Stratum> strata) {
    requireDistinctKeys(strata);
    double weightedSum = 0.0;
    long standardTotal = 0;
    for (Stratum s : strata) {
      if (s.n() > 0) {
        weightedSum += s.standardN() * (s.successes() / (double) s.n());
        standardTotal += s.standardN();
      }
    }
    return standardTotal == 0 ? null : weightedSum / standardTotal;
  }

  /**
   * The share of the standard population in strata where the group has n > 0: 1 when no stratum
   * was dropped; null when the standard population is empty.
   */
  public static Double coverage(List<Stratum> strata) {
    requireDistinctKeys(strata);
    long covered = 0;
    long total = 0;
    for (Stratum s : strata) {
      total += s.standardN();
      covered += s.n() > 0 ? s.standardN() : 0;
    }
    return total == 0 ? null : covered / (double) total;
  }

  private static void requireDistinctKeys(List<Stratum> strata) {
    Set<String> seen = new HashSet<>();
    for (Stratum s : strata) {
      if (!seen.add(s.key())) {
        throw new IllegalArgumentException("stratum " + s.key() + " given twice");
      }
    }
  }
}
