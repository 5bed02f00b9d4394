package org.iopoutcomes.metrics;

import java.time.LocalDate;
import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Initiation and engagement at as_of 2025-03-31; days are counted from admission.
 * <pre>
 * episode payer    admitted    observed  attended on days            initiated  engaged  judged (init / eng)
 * g1      medicaid 2025-01-01  89        3, 10, 20                   yes (3)    yes      yes / yes
 * g2      medicaid 2025-01-01  89        15 (a no-show on day 2)     no         no       yes / yes
 * g3      medicaid 2025-01-01  89        0, 0 again, 35              yes (0)    no       yes / yes  (same day, then too late)
 * g4      self_pay 2025-03-25  6         2                           yes (2)    not yet  yes / no
 * g5      self_pay 2025-03-25  6         -                           not yet    -        no / no
 * g6      self_pay 2025-02-10  49        1, 5, 6                     yes (1)    yes      yes / yes
 * g7      self_pay 2025-03-01  30        14, 20, 21                  yes (14)   yes      yes / yes  (engaged before 34 days are over)
 * g8      self_pay 2025-03-01  30        14, 20                      yes (14)   not yet  yes / no
 * </pre>
 */
class EngagementTest {

  private static GoldRows engagement;

  @BeforeAll
  static void compute() {
    SilverFixture world = new SilverFixture();
    episode(world, "g1", "medicaid", "2025-01-01", 3, 10, 20);
    episode(world, "g2", "medicaid", "2025-01-01", 15);
    world.session("g2-noshow", "group_therapy", "2025-01-03", 60).invite("g2-noshow", "g2", "no_show", null);
    episode(world, "g3", "medicaid", "2025-01-01", 0, 0, 35);
    episode(world, "g4", "self_pay", "2025-03-25", 2);
    episode(world, "g5", "self_pay", "2025-03-25");
    episode(world, "g6", "self_pay", "2025-02-10", 1, 5, 6);
    episode(world, "g7", "self_pay", "2025-03-01", 14, 20, 21);
    episode(world, "g8", "self_pay", "2025-03-01", 14, 20);
    engagement = new GoldRows("engagement", new Engagement().compute(world.facts("2025-03-31")));
  }

  private static void episode(SilverFixture world, String id, String payer, String admitted, int... days) {
    world.episode(id, Scenario.IOP, payer, admitted, null, null);
    int n = 0;
    for (int day : days) {
      String session = id + "-s" + n++;
      world.session(session, "group_therapy", LocalDate.parse(admitted).plusDays(day).toString(), 60)
          .invite(session, id, "attended", 60);
    }
  }

  @Test
  void everyEpisode() {
    engagement.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("episodes_eligible_initiation", 7).count("episodes_initiated", 6).rate("initiation_rate", 6.0 / 7)
        .count("episodes_eligible_engagement", 5).count("episodes_engaged", 3).rate("engagement_rate", 3.0 / 5);
  }

  @Test
  void byPayer() {
    // Medicaid: g1, g2, g3 are all judged; g1 initiated and engaged, g3 initiated only.
    engagement.cell("level_of_care", Scenario.IOP, "program_component", "all", "payment_source", "medicaid")
        .count("episodes_eligible_initiation", 3).count("episodes_initiated", 2)
        .count("episodes_eligible_engagement", 3).count("episodes_engaged", 1);
    // Self-pay: g5 is not judged yet; g4 and g8 not yet for engagement.
    engagement.cell("level_of_care", Scenario.IOP, "program_component", "all", "payment_source", "self_pay")
        .count("episodes_eligible_initiation", 4).count("episodes_initiated", 4)
        .count("episodes_eligible_engagement", 2).count("episodes_engaged", 2).rate("engagement_rate", 1.0);
  }

  @Test
  void componentCellsHoldExposedEpisodes() {
    // g5 never attended group therapy, so it is not in the component cell.
    engagement.cell("level_of_care", "all", "program_component", "group_therapy", "payment_source", "all")
        .count("episodes_eligible_initiation", 7).count("episodes_initiated", 6);
  }
}
