package org.iopoutcomes.metrics;

import org.iopoutcomes.SilverFixture;

/**
 * The hand-computed world the metric tests share, seen at as_of 2025-06-30:
 * <pre>
 * episode level     payer             admitted    discharged  reason         at 2025-06-30
 * e1      IOP       medicaid          2025-01-01  2025-01-01  completed      same-day discharge, los 0
 * e2      IOP       medicaid          2025-01-01  2025-02-15  dropped_out    los 45
 * e3      IOP       self_pay          2025-05-01  -           -              in care, los 60
 * e4      IOP       self_pay          2025-03-01  2025-08-01  terminated     discharge after as_of: in care, los 121
 * e5      outpat.   medicaid          2025-07-15  -           -              admitted after as_of: left out
 * e6      outpat.   private_insurance 2025-01-10  2025-04-10  transferred    los 90, never attended
 *
 * session component   date        minutes   invitations
 * s1      group       2025-01-01  90        e1 attended 90, e2 attended 60          (a group session)
 * s2      holistic    2025-02-01  60        e2 no_show, e6 cancelled
 * s5      group       2025-02-10  120       e2 cancelled, e6 late_cancel
 * s3      group       2025-06-01  90        e3 attended 90, e4 attended 45
 * s4      individual  2025-07-05  60        e3 attended 60                          (after as_of)
 *
 * charge episode session date        category    amount   payer
 * c1     e1      s1      2025-01-01  therapy     100.00   medicaid
 * c2     e1      -       2025-01-01  assessment  250.00   medicaid      (episode-level)
 * c3     e2      s1      2025-01-01  therapy     100.00   medicaid
 * c4     e2      -       2025-02-20  adjustment  -50.00   medicaid      (episode-level adjustment)
 * c5     e2      s2      2025-02-01  therapy      40.00   self_pay      (another payer)
 * c6     e3      s3      2025-06-01  therapy     100.00   self_pay
 * c7     e3      s4      2025-07-05  therapy     100.00   self_pay      (after as_of)
 * c8     e6      -       2025-01-10  assessment  200.00   private_insurance
 * c9     e4      s3      2025-06-01  therapy     100.00   self_pay
 * </pre>
 */
final class Scenario {

  static final String AS_OF = "2025-06-30";
  static final String IOP = "intensive_outpatient";

  private Scenario() {}

  static SilverFixture world() {
    return new SilverFixture()
        .episode("e1", IOP, "medicaid", "2025-01-01", "2025-01-01", "completed")
        .episode("e2", IOP, "medicaid", "2025-01-01", "2025-02-15", "dropped_out")
        .episode("e3", IOP, "self_pay", "2025-05-01", null, null)
        .episode("e4", IOP, "self_pay", "2025-03-01", "2025-08-01", "terminated_by_facility")
        .episode("e5", "outpatient", "medicaid", "2025-07-15", null, null)
        .episode("e6", "outpatient", "private_insurance", "2025-01-10", "2025-04-10", "transferred")
        .session("s1", "group_therapy", "2025-01-01", 90)
        .session("s2", "holistic", "2025-02-01", 60)
        .session("s5", "group_therapy", "2025-02-10", 120)
        .session("s3", "group_therapy", "2025-06-01", 90)
        .session("s4", "individual_counseling", "2025-07-05", 60)
        .invite("s1", "e1", "attended", 90)
        .invite("s1", "e2", "attended", 60)
        .invite("s2", "e2", "no_show", null)
        .invite("s2", "e6", "cancelled", null)
        .invite("s5", "e2", "cancelled", 0)
        .invite("s5", "e6", "late_cancel", null)
        .invite("s3", "e3", "attended", 90)
        .invite("s3", "e4", "attended", 45)
        .invite("s4", "e3", "attended", 60)
        .charge("c1", "e1", "s1", "2025-01-01", "therapy", "100.00", "medicaid")
        .charge("c2", "e1", null, "2025-01-01", "assessment", "250.00", "medicaid")
        .charge("c3", "e2", "s1", "2025-01-01", "therapy", "100.00", "medicaid")
        .charge("c4", "e2", null, "2025-02-20", "adjustment", "-50.00", "medicaid")
        .charge("c5", "e2", "s2", "2025-02-01", "therapy", "40.00", "self_pay")
        .charge("c6", "e3", "s3", "2025-06-01", "therapy", "100.00", "self_pay")
        .charge("c7", "e3", "s4", "2025-07-05", "therapy", "100.00", "self_pay")
        .charge("c8", "e6", null, "2025-01-10", "assessment", "200.00", "private_insurance")
        .charge("c9", "e4", "s3", "2025-06-01", "therapy", "100.00", "self_pay");
  }
}
