package org.iopoutcomes.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Directly standardised rates: the rate a group would have if its case mix were the standard
 * population's, keeping its own rate within each stratum (direct standardisation as in Rothman,
 * Greenland and Lash, "Modern Epidemiology", 3rd ed., 2008, section "Standardization"):
 * <pre>
 *   rate_s = successes_s / n_s                          (the group's rate in stratum s)
 *   w_s    = standard_n_s / Σ_s' standard_n_s'           (the standard's share in stratum s)
 *   rate   = Σ_s w_s · rate_s
 * </pre>
 * Two groups are compared by standardising both to one standard ({@link #pair(List)}): the pooled
 * counts of the strata that both groups populate. A stratum empty in either group has no rate for it,
 * so it leaves the standard for both; the two rates then describe the same population, and
 * {@link Pair#standardPopulationShare()} says how much of the pooled population that is. A group whose
 * case mix equals the standard's gets its crude rate back.
 */
public final class DirectStandardization {

  /** Successes out of n. */
  public record Count(long successes, long n) {
    public Count {
      if (successes < 0 || n < 0 || successes > n) {
        throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
      }
    }
  }

  /** A stratum: its key, the group's count in it, and the standard population's n in it. */
  public record Stratum(String key, Count group, long standardN) {
    public Stratum {
      if (standardN < 0) {
        throw new IllegalArgumentException("standard n in stratum " + key + " is negative: " + standardN);
      }
    }

    public Stratum(String key, long successes, long n, long standardN) {
      this(key, new Count(successes, n), standardN);
    }
  }

  /** A stratum of a comparison: both groups' counts in it. */
  public record PairStratum(String key, Count first, Count second) {}

  /**
   * Both groups' rates standardised to the same weights, and the share of the pair's pooled
   * population in the strata behind those weights. The rates are null when no stratum is shared;
   * the share is null when the pair has nobody.
   */
  public record Pair(Double first, Double second, Double standardPopulationShare) {}

  private DirectStandardization() {}

  /**
   * The standardised rate; null when the standard population is empty. Every stratum with a standard
   * weight needs group members (a rate to weight). Stratum keys must be distinct.
   */
  public static Double rate(List<Stratum> strata) {
    requireDistinctKeys(strata.stream().map(Stratum::key).toList());
    double weightedSum = 0.0;
    long standardTotal = 0;
    for (Stratum s : strata) {
      if (s.standardN() == 0) {
        continue;
      }
      if (s.group().n() == 0) {
        throw new IllegalArgumentException("stratum " + s.key() + " has a standard weight but no group member");
      }
      weightedSum += s.standardN() * (s.group().successes() / (double) s.group().n());
      standardTotal += s.standardN();
    }
    return standardTotal == 0 ? null : weightedSum / standardTotal;
  }

  /** Both groups standardised to the pooled counts of the strata they both populate. */
  public static Pair pair(List<PairStratum> strata) {
    requireDistinctKeys(strata.stream().map(PairStratum::key).toList());
    List<Stratum> first = new ArrayList<>();
    List<Stratum> second = new ArrayList<>();
    long pooled = 0;
    long shared = 0;
    for (PairStratum s : strata) {
      long n = s.first().n() + s.second().n();
      pooled += n;
      if (s.first().n() > 0 && s.second().n() > 0) {
        shared += n;
        first.add(new Stratum(s.key(), s.first(), n));
        second.add(new Stratum(s.key(), s.second(), n));
      }
    }
    return new Pair(rate(first), rate(second), pooled == 0 ? null : shared / (double) pooled);
  }

  private static void requireDistinctKeys(List<String> keys) {
    Set<String> seen = new HashSet<>();
    for (String key : keys) {
      if (!seen.add(key)) {
        throw new IllegalArgumentException("stratum " + key + " given twice");
      }
    }
  }
}
