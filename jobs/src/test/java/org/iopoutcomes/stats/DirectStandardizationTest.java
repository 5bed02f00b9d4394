package org.iopoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed examples (each also recomputed in R 4.2.2 as
 * {@code sum(standard / sum(standard) * successes / n)}).
 *
 * <p>Two strata, two groups with the same rate in each stratum but different case mixes, standardised
 * to their pooled case mix (as the level-of-care comparison does):
 * <pre>
 *   stratum   group A     group B      pooled standard n   weight
 *   young     20/200 .10  90/900 .10   1100                1100/1300 = 11/13
 *   old       60/100 .60  60/100 .60    200                 200/1300 =  2/13
 *   crude     80/300 = .2667           150/1000 = .15
 *   standardised: .10 · 11/13 + .60 · 2/13 = (1.1 + 1.2) / 13 = 2.3/13 = 0.176923…  for both groups
 * </pre>
 * The crude rates differ only because A has more old people; the standardised rates agree.
 */
class DirectStandardizationTest {

  @Test
  void sameStratumRatesGiveTheSameStandardisedRateWhateverTheCaseMix() {
    List<DirectStandardization.Stratum> groupA = List.of(
        new DirectStandardization.Stratum("young", 20, 200, 1100),
        new DirectStandardization.Stratum("old", 60, 100, 200));
    List<DirectStandardization.Stratum> groupB = List.of(
        new DirectStandardization.Stratum("young", 90, 900, 1100),
        new DirectStandardization.Stratum("old", 60, 100, 200));
    assertEquals(2.3 / 13, DirectStandardization.rate(groupA), 1e-15, "group A");
    assertEquals(2.3 / 13, DirectStandardization.rate(groupB), 1e-15, "group B");
  }

  /**
   * Different stratum rates: young 30/300 = .10, old 50/100 = .50, standard young 1000, old 1000
   * (weights ½, ½): .10 · ½ + .50 · ½ = 0.30, against a crude 80/400 = 0.20.
   */
  @Test
  void weightsTheStratumRatesByTheStandard() {
    List<DirectStandardization.Stratum> strata = List.of(
        new DirectStandardization.Stratum("young", 30, 300, 1000),
        new DirectStandardization.Stratum("old", 50, 100, 1000));
    assertEquals(0.30, DirectStandardization.rate(strata), 1e-15);
  }

  /** Case mix 300:100 equals the standard's 600:200, so the crude 80/400 = 0.2 comes back. */
  @Test
  void caseMixEqualToTheStandardGivesTheCrudeRate() {
    List<DirectStandardization.Stratum> strata = List.of(
        new DirectStandardization.Stratum("young", 30, 300, 600),
        new DirectStandardization.Stratum("old", 50, 100, 200));
    assertEquals(80 / 400.0, DirectStandardization.rate(strata), 1e-15);
  }

  /**
   * A stratum only one group populates leaves the standard of both. IOP: young 10/100 (.10), old 90/100
   * (.90); the other level: young 20/100 (.20), no old. Shared strata: young alone, pooled n 200, so
   * IOP .10 against .20: IOP is worse. Weighting each group over the strata it has, as version 1 did,
   * gave IOP (200 · .10 + 100 · .90) / 300 = .367 against .20 and turned the sign round.
   * The standard covers 200 of the pair's 300 episodes.
   */
  @Test
  void bothGroupsAreStandardisedToTheStrataTheyShare() {
    DirectStandardization.Pair pair = DirectStandardization.pair(List.of(
        stratum("young", 10, 100, 20, 100),
        stratum("old", 90, 100, 0, 0)));
    assertEquals(0.10, pair.first(), 1e-15, "IOP");
    assertEquals(0.20, pair.second(), 1e-15, "other level");
    assertEquals(200 / 300.0, pair.standardPopulationShare(), 1e-15, "share of the pooled population");
  }

  /** The two groups of the class comment, standardised to their pooled counts: both 2.3/13, share 1. */
  @Test
  void sharedStrataOnlyGiveThePooledStandard() {
    DirectStandardization.Pair pair = DirectStandardization.pair(List.of(
        stratum("young", 20, 200, 90, 900),
        stratum("old", 60, 100, 60, 100)));
    assertEquals(2.3 / 13, pair.first(), 1e-15, "group A");
    assertEquals(2.3 / 13, pair.second(), 1e-15, "group B");
    assertEquals(1.0, pair.standardPopulationShare(), "nothing dropped");
  }

  @Test
  void noSharedStratumNoRatesAndAShareOfZero() {
    DirectStandardization.Pair disjoint = DirectStandardization.pair(List.of(
        stratum("young", 1, 4, 0, 0),
        stratum("old", 0, 0, 2, 3)));
    assertNull(disjoint.first(), "first");
    assertNull(disjoint.second(), "second");
    assertEquals(0.0, disjoint.standardPopulationShare(), "share");
    DirectStandardization.Pair empty = DirectStandardization.pair(List.of());
    assertNull(empty.standardPopulationShare(), "an empty pair has no share");
  }

  @Test
  void aWeightedStratumNeedsGroupMembers() {
    assertThrows(IllegalArgumentException.class, () -> DirectStandardization.rate(List.of(
        new DirectStandardization.Stratum("young", 10, 100, 300),
        new DirectStandardization.Stratum("old", 0, 0, 100))));
  }

  @Test
  void nothingToWeightNoRate() {
    assertNull(DirectStandardization.rate(List.of()), "no strata");
    assertNull(DirectStandardization.rate(List.of(new DirectStandardization.Stratum("young", 1, 4, 0))),
        "standard empty everywhere");
  }

  private static DirectStandardization.PairStratum stratum(String key, long x1, long n1, long x2, long n2) {
    return new DirectStandardization.PairStratum(key, new DirectStandardization.Count(x1, n1),
        new DirectStandardization.Count(x2, n2));
  }

  @Test
  void refusesImpossibleCountsAndRepeatedStrata() {
    assertThrows(IllegalArgumentException.class, () -> new DirectStandardization.Stratum("young", 5, 4, 10));
    assertThrows(IllegalArgumentException.class, () -> new DirectStandardization.Stratum("young", 1, 4, -1));
    assertThrows(IllegalArgumentException.class, () -> DirectStandardization.rate(List.of(
        new DirectStandardization.Stratum("young", 1, 4, 10),
        new DirectStandardization.Stratum("young", 2, 4, 10))));
    assertThrows(IllegalArgumentException.class, () -> DirectStandardization.pair(List.of(
        stratum("young", 1, 4, 1, 4), stratum("young", 2, 4, 2, 4))));
  }
}
