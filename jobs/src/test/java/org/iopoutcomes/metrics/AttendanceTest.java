package org.iopoutcomes.metrics;

import static org.iopoutcomes.metrics.Scenario.IOP;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.facts.Facts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttendanceTest {

  private static GoldRows attendance;

  @BeforeAll
  static void compute() {
    // The shared scenario, plus two inpatient sliding-scale episodes that were never invited to a session.
    Facts facts = Scenario.world()
        .episode("i1", "inpatient", "sliding_scale", "2025-03-01", "2025-03-10", "completed")
        .episode("i2", "inpatient", "sliding_scale", "2025-04-01", null, null)
        .facts(Scenario.AS_OF);
    attendance = new GoldRows("attendance", new Attendance().compute(facts));
  }

  @Test
  void aGroupWithoutInvitationsHasItsRow() {
    // Every group of episodes has a row, as in the other cube tables: counts 0, rates null.
    for (String[] group : new String[][] {{"inpatient", "sliding_scale"}, {"inpatient", "all"}, {"all", "sliding_scale"}}) {
      attendance.cell("level_of_care", group[0], "program_component", "all", "payment_source", group[1])
          .count("sessions_scheduled", 0).count("sessions_attended", 0)
          .isNull("attendance_rate").isNull("missed_rate").rate("attended_hours", 0.0);
    }
    // No component row: the inpatient episodes were invited to no component's sessions.
    assertFalse(attendance.has("level_of_care", "inpatient", "program_component", "group_therapy"));
  }

  @Test
  void countsInvitationsNotEpisodes() {
    // IOP medicaid: s1 e1 attended 90, s1 e2 attended 60, s2 e2 no_show, s5 e2 cancelled (not scheduled).
    attendance.cell("level_of_care", IOP, "program_component", "all", "payment_source", "medicaid")
        .count("sessions_scheduled", 3).count("sessions_attended", 2)
        .rate("attendance_rate", 2.0 / 3).rate("missed_rate", 1.0 / 3).rate("attended_hours", 2.5);
  }

  @Test
  void componentCellsCountInvitationsEvenWithoutAttendance() {
    // e2 never attended holistic (no_show) but its invitation counts.
    attendance.cell("level_of_care", IOP, "program_component", "holistic", "payment_source", "medicaid")
        .count("sessions_scheduled", 1).count("sessions_attended", 0)
        .rate("attendance_rate", 0.0).rate("missed_rate", 1.0).rate("attended_hours", 0.0);
    attendance.cell("level_of_care", "outpatient", "program_component", "group_therapy",
            "payment_source", "private_insurance")
        .count("sessions_scheduled", 1).count("sessions_attended", 0).rate("missed_rate", 1.0);
  }

  @Test
  void onlyCancelledInvitationsGiveNullRates() {
    // e6's only holistic invitation was cancelled by the program.
    attendance.cell("level_of_care", "outpatient", "program_component", "holistic",
            "payment_source", "private_insurance")
        .count("sessions_scheduled", 0).isNull("attendance_rate").isNull("missed_rate");
  }

  @Test
  void sessionsAfterTheCutOffAreLeftOut() {
    // s4 (individual counseling, 2025-07-05) is after as_of.
    assertFalse(attendance.has("program_component", "individual_counseling"));
    // All: 6 scheduled (3 IOP medicaid, 2 IOP self-pay, 1 late cancel), 4 attended, 2 missed, 285 minutes.
    attendance.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("sessions_scheduled", 6).count("sessions_attended", 4)
        .rate("missed_rate", 2.0 / 6).rate("attended_hours", 285.0 / 60);
  }
}
