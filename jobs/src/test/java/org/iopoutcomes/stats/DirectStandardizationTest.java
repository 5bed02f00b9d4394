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
   * Young 10/100 = .10, old 0 of 0 (no rate), standard young 300, old 100: old is dropped and young's
   * weight becomes 300/300 = 1, so the rate is 0.10; coverage is 300/400 = 0.75.
   */
  @Test
  void stratumWithoutGroupMembersIsDroppedAndWeightsRenormalised() {
    List<DirectStandardization.Stratum> strata = List.of(
        new DirectStandardization.Stratum("young", 10, 100, 300),
        new DirectStandardization.Stratum("old", 0, 0, 100));
    assertEquals(0.10, DirectStandardization.rate(strata), 1e-15, "rate");
    assertEquals(0.75, DirectStandardization.coverage(strata), 1e-15, "coverage");
  }

  @Test
  void fullCoverageWhenNoStratumIsDropped() {
    assertEquals(1.0, DirectStandardization.coverage(List.of(
        new DirectStandardization.Stratum("young", 1, 2, 3),
        new DirectStandardization.Stratum("old", 1, 2, 5))));
  }

  @Test
  void nothingToWeightNoRate() {
    assertNull(DirectStandardization.rate(List.of()), "no strata");
    assertNull(DirectStandardization.rate(List.of(new DirectStandardization.Stratum("young", 0, 0, 10))),
        "group empty everywhere");
    assertNull(DirectStandardization.rate(List.of(new DirectStandardization.Stratum("young", 1, 4, 0))),
        "standard empty everywhere");
    assertNull(DirectStandardization.coverage(List.of()), "no standard population");
  }

  @Test
  void refusesImpossibleCountsAndRepeatedStrata() {
    assertThrows(IllegalArgumentException.class, () -> new DirectStandardization.Stratum("young", 5, 4, 10));
    assertThrows(IllegalArgumentException.class, () -> new DirectStandardization.Stratum("young", 1, 4, -1));
    assertThrows(IllegalArgumentException.class, () -> DirectStandardization.rate(List.of(
        new DirectStandardization.Stratum("young", 1, 4, 10),
        new DirectStandardization.Stratum("young", 2, 4, 10))));
  }
}
