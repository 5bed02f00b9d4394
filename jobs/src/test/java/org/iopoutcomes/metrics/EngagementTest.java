package org.iopoutcomes.metrics;

import java.time.LocalDate;
import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Initiation and engagement at as_of 2025-03-31; days are counted from admission. An episode is
 * judged for initiation after 14 days of follow-up (as_of − admission ≥ 14) and for engagement after
 * 48, whatever happened to it.
 * <pre>
 * episode payer    admitted    observed  attended on days            initiated  engaged  judged (init / eng)
 * g1      medicaid 2025-01-01  89        3, 10, 20                   yes (3)    yes      yes / yes
 * g2      medicaid 2025-01-01  89        15 (a no-show on day 2)     no         no       yes / yes
 * g3      medicaid 2025-01-01  89        0, 0 again, 35              yes (0)    no       yes / yes  (same day, then too late)
 * g4      self_pay 2025-03-25  6         2                           yes (2)    no       no / no    (initiated, not yet judged)
 * g5      self_pay 2025-03-25  6         -                           no         no       no / no
 * g6      self_pay 2025-02-10  49        1, 5, 6                     yes (1)    yes      yes / yes  (day 49 of 48)
 * g7      self_pay 2025-03-01  30        14, 20, 21                  yes (14)   yes      yes / no   (engaged, not yet judged)
 * g8      self_pay 2025-03-01  30        14, 20                      yes (14)   no       yes / no
 * g9      self_pay 2025-03-18  13        0, 1, 2                     yes (0)    yes      no / no    (day 13 of 14)
 * g10     self_pay 2025-03-17  14        0                           yes (0)    no       yes / no   (day 14 of 14)
 * g11     self_pay 2025-02-12  47        0, 1, 2 (discharged day 3)  yes (0)    yes      yes / no   (day 47 of 48)
 * g12     self_pay 2025-02-11  48        5 (discharged day 6)        yes (5)    no       yes / yes  (day 48 of 48)
 * </pre>
 * Under version 1's rule g4, g7, g9 and g11 entered early because they had already succeeded.
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
    episode(world, "g9", "self_pay", "2025-03-18", 0, 1, 2);
    episode(world, "g10", "self_pay", "2025-03-17", 0);
    episode(world, "g11", "self_pay", "2025-02-12", 0, 1, 2);
    discharge(world, "2025-02-15");
    episode(world, "g12", "self_pay", "2025-02-11", 5);
    discharge(world, "2025-02-17");
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

  /** Discharges the episode added last (its sessions are all before the day). */
  private static void discharge(SilverFixture world, String day) {
    world.set("episodes", "discharge_date", java.sql.Date.valueOf(day)).set("episodes", "discharge_reason", "completed");
  }

  @Test
  void everyEpisode() {
    // Initiation: g1 g2 g3 g6 g7 g8 g10 g11 g12 judged, all but g2 initiated. Engagement: g1 g2 g3 g6 g12
    // judged, g1 and g6 engaged.
    engagement.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("episodes_eligible_initiation", 9).count("episodes_initiated", 8).rate("initiation_rate", 8.0 / 9)
        .count("episodes_eligible_engagement", 5).count("episodes_engaged", 2).rate("engagement_rate", 2.0 / 5);
  }

  @Test
  void byPayer() {
    // Medicaid: g1, g2, g3 are all judged; g1 initiated and engaged, g3 initiated only.
    engagement.cell("level_of_care", Scenario.IOP, "program_component", "all", "payment_source", "medicaid")
        .count("episodes_eligible_initiation", 3).count("episodes_initiated", 2)
        .count("episodes_eligible_engagement", 3).count("episodes_engaged", 1);
    // Self-pay: g4, g5 and g9 are inside their 14 days, so not judged even though g4 and g9 initiated;
    // only g6 and g12 have their 48 days, so g7 and g11 are not judged although they engaged.
    engagement.cell("level_of_care", Scenario.IOP, "program_component", "all", "payment_source", "self_pay")
        .count("episodes_eligible_initiation", 6).count("episodes_initiated", 6)
        .count("episodes_eligible_engagement", 2).count("episodes_engaged", 1).rate("engagement_rate", 0.5);
  }

  @Test
  void componentCellsHoldExposedEpisodes() {
    // g5 never attended group therapy, so it is not in the component cell; it was not judged anyway.
    engagement.cell("level_of_care", "all", "program_component", "group_therapy", "payment_source", "all")
        .count("episodes_eligible_initiation", 9).count("episodes_initiated", 8);
  }
}
