"""Hand-computed cases for reference_metrics.py (run: python3 -m unittest discover tools/reference).

The fixture batch (see BATCH below), with the default as_of 2025-03-15 (E2's discharge):
  E1 IOP/medicaid     admitted 2025-01-01, discharged the same day, completed; never attended.
  E2 IOP/medicaid     admitted 2025-01-01, discharged 2025-03-15, dropped_out; attended group
                      therapy S1 (60 min) and S3 (90 min); its individual session S2 was cancelled.
  E3 OP/self_pay      admitted 2025-02-01, still in care; only a no-show (never attended).
  E4 IOP/private_ins. admitted 2025-01-10, discharged 2025-02-20, transferred; attended S1 (45 min).
With --as-of 2025-03-01, E2's discharge is after the cut-off (still in care, los 59), S3 and its
attendance drop out, and charge C10 (dated 2025-02-28, naming S3) stays in `all` only.

Two more batches, described where they are defined: ENGAGEMENT_BATCH (engagement's fixed
follow-up and the attendance rows of groups without invitations) and COMPARISON_BATCH
(level_of_care_comparison: shared strata, half-up money, the ICER).
"""

import csv
import datetime
import os
import sys
import tempfile
import unittest
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_metrics as rm  # noqa: E402

BATCH = {
    "episodes.csv": [
        "episode_id,person_id,program_id,level_of_care,admission_date,discharge_date,discharge_reason,"
        "payment_source,age_group,sex,primary_substance,co_occurring_mental_health,prior_treatment_episodes",
        "E1,P1,PR1, Intensive_Outpatient ,2025-01-01,2025-01-01,Completed,medicaid,25-34,,,,",       # 2
        "E2,P2,PR1,intensive_outpatient,2025-01-01,2025-03-15,dropped_out,medicaid,35-44,female,opioids,yes,2",
        "E3,P3,PR2,outpatient,2025-02-01,,,self_pay,18-24,male,alcohol,0,0",                         # 4
        "E4,P4,PR1,intensive_outpatient,2025-01-10,2025-02-20,transferred,private_insurance,45-54,,,,",
        "E5,P5,PR1,residential,2025-01-05,2025-01-04,completed,medicaid,25-34,,,,",                 # 6 bad
        "E6,P6,PR1,residential,2025-01-05,,completed,medicaid,25-34,,,,",                           # 7 bad
        "E7,P7,PR1,outpatient,2025-01-05,,,medicaid,25-34,,,,",                                     # 8 dup
        "E7,P8,PR1,outpatient,2025-01-06,,,medicaid,25-34,,,,",                                     # 9 dup
    ],
    "sessions.csv": [
        "session_id,program_id,program_component,activity,session_date,scheduled_minutes,delivery_mode",
        "S1,PR1,group_therapy,,2025-01-15,60,",
        "S2,PR2,individual_counseling,,2025-02-05,50,telehealth",
        "S3,PR1,group_therapy,,2025-03-10,90,",
        "S4,PR1,holistic,yoga,2025-01-20,721,",                                                    # 5 bad
    ],
    "attendance.csv": [
        "session_id,episode_id,status,minutes_attended",
        "S1,E2,attended,60",          # 2
        "S1,E4,attended,45",          # 3
        "S2,E3,no_show,",             # 4
        "S2,E2,cancelled,0",          # 5
        "S3,E2,attended,90",          # 6
        "S1,E7,attended,30",          # 7  episode quarantined (duplicate) -> reference
        "S4,E2,attended,30",          # 8  session quarantined -> reference
        "S1,E3,attended,10",          # 9  session before admission
        "S2,E4,attended,60",          # 10 more than scheduled
        "S3,E4,late_cancel,",         # 11 session after discharge
        "S1,E1",                      # 12 too few fields
        "",                           # 13 blank: not a row
        'S2,"E4,no_show,',            # 14 unbalanced quote
    ],
    "costs.csv": [
        "cost_id,episode_id,session_id,service_date,cost_category,amount,payer",
        "C1,E2,S1,2025-01-15,therapy,100.00,medicaid",
        "C2,E2,,2025-01-31,room_and_board,200.00,medicaid",      # episode-level
        "C3,E2,S1,2025-02-01,adjustment,-10.00,medicaid",        # adjustment
        "C4,E4,S1,2025-01-15,therapy,80.01,private_insurance",
        "C5,E1,,2025-01-01,assessment,50,self_pay",
        "C6,E3,S2,2025-02-05,therapy,40.00,self_pay",            # charge for a no-show
        "C7,E2,S3,2025-03-10,therapy,90.00,medicaid",
        "C8,E2,,2025-02-10,therapy,-5.00,medicaid",              # 9  negative, not adjustment
        "C9,E2,,2025-02-10,lab,12.345,medicaid",                 # 10 three places
        "C10,E2,S3,2025-02-28,therapy,30.00,medicaid",           # session S3 is after 2025-03-01
    ],
}

IOP = "intensive_outpatient"
GT = "group_therapy"
IC = "individual_counseling"


def write_batch(folder, files):
    os.makedirs(folder, exist_ok=True)
    for name, lines in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as fh:
            fh.write("\n".join(lines) + "\n")


class BatchRunTest(unittest.TestCase):
    """A test class that runs the reference once on its own batch (BATCH_FILES, AS_OF) into cls.out."""

    BATCH_FILES = None
    AS_OF = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        batch = os.path.join(cls.tmp.name, "batch")
        write_batch(batch, cls.BATCH_FILES)
        cls.out = os.path.join(cls.tmp.name, "out")
        rm.run(batch, cls.out, cls.AS_OF)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()


def read_table(path, dims):
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {tuple(r[d] for d in dims): r for r in rows}, rows


def wilson_reference(x, n):
    """The textbook Wilson interval, written out independently of the module."""
    z = 1.959963984540054
    p = x / n
    centre = p + z * z / (2 * n)
    spread = z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5
    return (centre - spread) / (1 + z * z / n), (centre + spread) / (1 + z * z / n)


class ReferenceMetricsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.batch = os.path.join(cls.tmp.name, "batch")
        write_batch(cls.batch, BATCH)
        cls.out = os.path.join(cls.tmp.name, "out")
        cls.out_cut = os.path.join(cls.tmp.name, "out-cut")
        cls.as_of = rm.run(cls.batch, cls.out)
        cls.as_of_cut = rm.run(cls.batch, cls.out_cut, datetime.date(2025, 3, 1))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def table(self, name, cut=False):
        dims = rm.SORT_COLUMNS[name]
        return read_table(os.path.join(self.out_cut if cut else self.out, name + ".csv"), dims)

    # --- ingest ---------------------------------------------------------------------------------

    def test_default_as_of_is_latest_accepted_date(self):
        self.assertEqual(self.as_of, datetime.date(2025, 3, 15))

    def test_rejections_per_file(self):
        rows, _ = read_table(os.path.join(self.out, "rejections.csv"), ["file"])
        got = {f[0]: (int(r["rows_read"]), int(r["rows_accepted"]), int(r["rows_rejected"]))
               for f, r in rows.items()}
        self.assertEqual(got, {"episodes.csv": (8, 4, 4), "sessions.csv": (4, 3, 1),
                               "attendance.csv": (12, 5, 7), "costs.csv": (10, 8, 2)})

    def test_rejection_rules(self):
        with open(os.path.join(self.out, "rejections_by_rule.csv"), newline="") as fh:
            got = {(r["file"], int(r["line"]), r["rule"]) for r in csv.DictReader(fh)}
        self.assertEqual(got, {
            ("episodes.csv", 6, "discharge_before_admission"),
            ("episodes.csv", 7, "discharge_reason_without_discharge"),
            ("episodes.csv", 8, "duplicate_key"),
            ("episodes.csv", 9, "duplicate_key"),
            ("sessions.csv", 5, "range:scheduled_minutes"),
            ("attendance.csv", 7, "reference:episode_id"),
            ("attendance.csv", 8, "reference:session_id"),
            ("attendance.csv", 9, "session_before_admission"),
            ("attendance.csv", 10, "range:minutes_attended"),
            ("attendance.csv", 11, "session_after_discharge"),
            ("attendance.csv", 12, "malformed:field_count"),
            ("attendance.csv", 14, "malformed:unbalanced_quote"),
            ("costs.csv", 9, "negative_amount_not_adjustment"),
            ("costs.csv", 10, "type:amount"),
        })

    def test_output_columns(self):
        for name, columns in rm.OUTPUT_COLUMNS.items():
            with open(os.path.join(self.out, name + ".csv"), newline="") as fh:
                self.assertEqual(next(csv.reader(fh)), columns)
        self.assertEqual(rm.OUTPUT_COLUMNS["completion"][-3:],
                         ["dropout_rate_ci_low", "dropout_rate_ci_high", "as_of"])

    # --- completion -----------------------------------------------------------------------------

    def test_completion_all_row(self):
        rows, all_rows = self.table("completion")
        self.assertEqual(len(all_rows), 12)   # {iop, all} x {all, gt} x {medicaid, private, all}
        r = rows[("all", "all", "all")]
        self.assertEqual((r["episodes_discharged"], r["episodes_completed"], r["episodes_dropped_out"],
                          r["episodes_transferred"], r["as_of"]), ("3", "1", "1", "1", "2025-03-15"))
        self.assertAlmostEqual(float(r["completion_rate"]), 1 / 3, places=15)
        low, high = wilson_reference(1, 3)
        self.assertAlmostEqual(float(r["completion_rate_ci_low"]), low, places=12)
        self.assertAlmostEqual(float(r["completion_rate_ci_high"]), high, places=12)
        self.assertAlmostEqual(low, 0.0615, places=4)      # published value for 1 of 3
        self.assertAlmostEqual(high, 0.7923, places=4)
        self.assertAlmostEqual(float(r["dropout_rate_ci_low"]), low, places=12)

    def test_completion_group_therapy_and_same_day_discharge(self):
        rows, _ = self.table("completion")
        gt = rows[(IOP, GT, "all")]                         # E2 and E4 attended group therapy
        self.assertEqual((gt["episodes_discharged"], gt["episodes_completed"]), ("2", "0"))
        self.assertEqual(float(gt["completion_rate"]), 0.0)
        self.assertEqual(float(gt["completion_rate_ci_low"]), 0.0)
        same_day = rows[(IOP, "all", "medicaid")]           # E1 (same-day, completed) and E2
        self.assertEqual((same_day["episodes_discharged"], same_day["episodes_completed"]), ("2", "1"))
        self.assertNotIn(("outpatient", "all", "all"), rows)   # E3 is still in care

    def test_completion_discharge_after_cut_off(self):
        rows, _ = self.table("completion", cut=True)
        r = rows[("all", "all", "all")]                     # E2 not discharged at 2025-03-01
        self.assertEqual((r["episodes_discharged"], r["episodes_completed"],
                          r["episodes_dropped_out"], r["as_of"]), ("2", "1", "0", "2025-03-01"))
        self.assertEqual(r["dropout_rate"], "0.0")
        self.assertNotIn((IOP, GT, "medicaid"), rows)

    # --- retention ------------------------------------------------------------------------------

    def test_retention(self):
        rows, all_rows = self.table("retention")
        self.assertEqual(len(all_rows), 15 * 4)
        got = {d: (rows[("all", "all", "all", str(d))]["episodes_eligible"],
                   rows[("all", "all", "all", str(d))]["episodes_retained"]) for d in rm.WINDOWS}
        # E1 completed (retained at every D); E2 los 73; E3 in care 42 days; E4 los 41.
        self.assertEqual(got, {30: ("4", "4"), 60: ("3", "2"), 90: ("3", "1"), 180: ("3", "1")})
        never = rows[("outpatient", "all", "self_pay", "60")]   # E3 not yet eligible at 60
        self.assertEqual((never["episodes_eligible"], never["retention_rate"],
                          never["retention_rate_ci_low"]), ("0", "", ""))
        self.assertEqual([r["window_days"] for r in all_rows[:4]], ["180", "30", "60", "90"])

    def test_retention_cut_off(self):
        rows, _ = self.table("retention", cut=True)
        got = {d: (rows[("all", "all", "all", str(d))]["episodes_eligible"],
                   rows[("all", "all", "all", str(d))]["episodes_retained"]) for d in rm.WINDOWS}
        # E2 in care 59 days (eligible and retained at 30 only); E3 28 days (not eligible).
        self.assertEqual(got, {30: ("3", "3"), 60: ("2", "1"), 90: ("2", "1"), 180: ("2", "1")})

    # --- attendance -----------------------------------------------------------------------------

    def test_attendance(self):
        rows, _ = self.table("attendance")
        r = rows[("all", "all", "all")]
        self.assertEqual((r["sessions_scheduled"], r["sessions_attended"]), ("4", "3"))
        self.assertEqual((r["attendance_rate"], r["missed_rate"], r["attended_hours"]),
                         ("0.75", "0.25", "3.25"))
        cancelled = rows[(IOP, IC, "medicaid")]             # only E2's cancelled invitation
        self.assertEqual((cancelled["sessions_scheduled"], cancelled["attendance_rate"],
                          cancelled["missed_rate"], cancelled["attended_hours"]), ("0", "", "", "0.0"))
        never = rows[("outpatient", IC, "self_pay")]        # E3 never attended, still counted
        self.assertEqual((never["sessions_scheduled"], never["attendance_rate"],
                          never["missed_rate"]), ("1", "0.0", "1.0"))
        group = rows[("all", GT, "all")]                    # group session S1 with E2 and E4, and S3
        self.assertEqual((group["sessions_scheduled"], group["attended_hours"]), ("3", "3.25"))

    def test_attendance_cut_off(self):
        rows, _ = self.table("attendance", cut=True)
        r = rows[("all", "all", "all")]
        self.assertEqual((r["sessions_scheduled"], r["sessions_attended"], r["attended_hours"]),
                         ("3", "2", "1.75"))

    # --- cost_per_outcome -----------------------------------------------------------------------

    def test_cost_per_outcome(self):
        rows, _ = self.table("cost_per_outcome")
        r = rows[("all", "all", "all")]     # E1 50 + E2 (100+200-10+90+30) + E4 80.01
        self.assertEqual((r["episodes_discharged"], r["total_cost"], r["cost_per_episode"],
                          r["cost_per_completion"], r["episodes_retained_90"],
                          r["cost_per_retained_90"], r["attended_hours"], r["cost_per_attended_hour"]),
                         ("3", "540.01", "180.00", "540.01", "1", "540.01", "3.25", "166.16"))
        g = rows[(IOP, GT, "all")]          # group-therapy charges of E2 (210) and E4 (80.01)
        self.assertEqual((g["total_cost"], g["cost_per_episode"], g["cost_per_completion"],
                          g["cost_per_attended_hour"]), ("290.01", "145.01", "", "89.23"))
        m = rows[(IOP, "all", "medicaid")]  # E1 and E2, with E2's episode-level room and board
        self.assertEqual((m["total_cost"], m["cost_per_episode"], m["attended_hours"],
                          m["cost_per_attended_hour"]), ("460.00", "230.00", "2.5", "184.00"))
        e1 = rows[(IOP, "all", "medicaid")]
        self.assertEqual(e1["episodes_completed"], "1")

    def test_ratio_interval(self):
        # Costs 350, 90, 200 dollars (in cents); every episode counted, then only the first.
        y, yy = 64000, 35000 ** 2 + 9000 ** 2 + 20000 ** 2
        self.assertEqual(rm.ratio_interval(3, y, yy, 3, y), (Decimal("65.65"), Decimal("361.02")))
        self.assertEqual(rm.ratio_interval(3, y, yy, 1, 35000), (Decimal("-232.79"), Decimal("1512.79")))
        self.assertEqual(rm.ratio_interval(1, 35000, 35000 ** 2, 1, 35000), (None, None))
        self.assertEqual(rm.ratio_interval(3, y, yy, 0, 0), (None, None))

    def test_cost_per_outcome_cut_off(self):
        rows, _ = self.table("cost_per_outcome", cut=True)
        r = rows[("all", "all", "all")]     # E1 50 + E4 80.01 = 130.01 over 2: 65.005 -> 65.01
        self.assertEqual((r["total_cost"], r["cost_per_episode"], r["cost_per_attended_hour"]),
                         ("130.01", "65.01", "173.35"))

    # --- cost_by_payer --------------------------------------------------------------------------

    def test_cost_by_payer(self):
        rows, _ = self.table("cost_by_payer")
        total = rows[("all", "all", "all")]
        self.assertEqual((total["amount"], total["charges"], total["episodes"], total["share_of_total"]),
                         ("580.01", "8", "4", "1.0"))
        self_pay = rows[("self_pay", "all", "all")]         # E1 (medicaid episode) and E3
        self.assertEqual((self_pay["amount"], self_pay["charges"], self_pay["episodes"]),
                         ("90.00", "2", "2"))
        self.assertAlmostEqual(float(self_pay["share_of_total"]), 90 / 580.01, places=15)
        adj = rows[("medicaid", IOP, "adjustment")]
        self.assertEqual((adj["amount"], adj["share_of_total"]), ("-10.00", "1.0"))
        therapy = rows[("medicaid", IOP, "therapy")]        # C1 100 + C7 90 + C10 30
        self.assertEqual(therapy["amount"], "220.00")
        self.assertAlmostEqual(float(therapy["share_of_total"]), 220 / 300.01, places=15)

    def test_cost_by_payer_cut_off(self):
        rows, _ = self.table("cost_by_payer", cut=True)
        self.assertEqual(rows[("all", "all", "all")]["amount"], "490.01")   # C7 is after as_of
        self.assertEqual(rows[("medicaid", IOP, "therapy")]["amount"], "130.00")

    def test_charge_naming_a_session_after_cut_off_stays_in_all(self):
        rows, _ = self.table("cost_per_outcome", cut=True)
        self.assertEqual(rows[(IOP, GT, "all")]["total_cost"], "80.01")     # E4 only


class IngestEdgeCasesTest(unittest.TestCase):

    def run_batch(self, files, as_of=None):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        batch = os.path.join(tmp.name, "batch")
        write_batch(batch, files)
        out = os.path.join(tmp.name, "out")
        return rm.run(batch, out, as_of), out

    def test_jsonl_blank_and_malformed_lines(self):
        files = {"episodes.jsonl": [
            '{"episode_id": "A", "person_id": "p", "program_id": "x", "level_of_care": "OUTPATIENT",'
            ' "admission_date": "2025-01-01", "discharge_date": "2025-01-31", "discharge_reason": '
            '"completed", "payment_source": "medicare", "age_group": "65+", "prior_treatment_episodes": 1}',
            "",
            "[1, 2]",
            '{"episode_id": "B", "person_id": "q", "program_id": "x", "level_of_care": "outpatient",'
            ' "admission_date": "2025-01-01", "payment_source": "medicare"}',
        ]}
        as_of, out = self.run_batch(files)
        self.assertEqual(as_of, datetime.date(2025, 1, 31))
        with open(os.path.join(out, "rejections_by_rule.csv"), newline="") as fh:
            got = {(int(r["line"]), r["rule"]) for r in csv.DictReader(fh)}
        self.assertEqual(got, {(3, "malformed:not_json_object"), (4, "required:age_group")})
        rows, _ = read_table(os.path.join(out, "completion.csv"), rm.SORT_COLUMNS["completion"])
        self.assertEqual(rows[("all", "all", "all")]["completion_rate"], "1.0")

    def test_missing_required_column_stops_the_run(self):
        files = {"sessions.csv": ["session_id,program_id,session_date,scheduled_minutes",
                                  "S1,P,2025-01-01,60"]}
        with self.assertRaises(rm.StopRun):
            self.run_batch(files)

    def test_identifier_column_stops_the_run(self):
        files = {"costs.csv": ["cost_id,episode_id,service_date,cost_category,amount,payer,email",
                               "C1,E1,2025-01-01,lab,1.00,medicaid,"]}
        with self.assertRaises(rm.StopRun):
            self.run_batch(files)

    def test_money_rounding_is_half_up(self):
        self.assertEqual(rm.money_per(rm.Decimal("0.05"), 2), rm.Decimal("0.03"))
        self.assertEqual(rm.money_per(rm.Decimal("-0.05"), 2), rm.Decimal("-0.03"))
        self.assertEqual(rm.money_per(rm.Decimal("1.00"), 3), rm.Decimal("0.33"))
        self.assertIsNone(rm.money_per(rm.Decimal("1.00"), 0))

    def test_wilson_edges(self):
        self.assertEqual(rm.wilson(0, 0), (None, None))
        low, high = rm.wilson(5, 5)
        self.assertLessEqual(high, 1.0)
        self.assertAlmostEqual(low, wilson_reference(5, 5)[0], places=12)


# ---------------------------------------------------------------------------------------------
# engagement and the v2 attendance rows (as_of 2025-03-01, given explicitly)
# ---------------------------------------------------------------------------------------------
#   G1 IOP/medicaid   admitted 2025-02-16 (13 days observed), attended day 0: initiated, not judged.
#   G2 IOP/medicaid   admitted 2025-02-15 (14 days), attended day 14 (the window's last day).
#   G3 IOP/medicaid   admitted 2025-01-13 (47 days), attended days 0, 1, 2: engaged, not judged.
#   G4 IOP/medicaid   admitted 2025-01-12 (48 days), attended day 14 (group) and twice on day 48
#                     (group and individual, the same day): engaged at 14 + 34 exactly.
#   G5 IOP/medicaid   admitted 2025-01-01 (59 days), discharged 2025-01-05 (dropped out) after
#                     attending day 3: judged for both, initiated, not engaged.
#   G6 IOP/medicare   admitted 2025-02-20, discharged 2025-02-22 (9 days): judged for nothing.
#   G7 IOP/medicaid   admitted 2025-02-01 (28 days), only a no-show on day 2: not initiated.
#   G8 IOP/private    admitted 2025-01-10 (50 days), attended days 15, 16, 17: not initiated.
#   G9 OP/self_pay    admitted 2025-02-01 (28 days), no invitation at all.
ENGAGEMENT_AS_OF = datetime.date(2025, 3, 1)
EPISODE_HEADER = ("episode_id,person_id,program_id,level_of_care,admission_date,discharge_date,"
                  "discharge_reason,payment_source,age_group,sex,primary_substance,"
                  "co_occurring_mental_health,prior_treatment_episodes")
ENGAGEMENT_BATCH = {
    "episodes.csv": [
        EPISODE_HEADER,
        "G1,P1,PR,intensive_outpatient,2025-02-16,,,medicaid,25-34,,,,",
        "G2,P2,PR,intensive_outpatient,2025-02-15,,,medicaid,25-34,,,,",
        "G3,P3,PR,intensive_outpatient,2025-01-13,,,medicaid,25-34,,,,",
        "G4,P4,PR,intensive_outpatient,2025-01-12,,,medicaid,25-34,,,,",
        "G5,P5,PR,intensive_outpatient,2025-01-01,2025-01-05,dropped_out,medicaid,25-34,,,,",
        "G6,P6,PR,intensive_outpatient,2025-02-20,2025-02-22,dropped_out,medicare,25-34,,,,",
        "G7,P7,PR,intensive_outpatient,2025-02-01,,,medicaid,25-34,,,,",
        "G8,P8,PR,intensive_outpatient,2025-01-10,,,private_insurance,25-34,,,,",
        "G9,P9,PR,outpatient,2025-02-01,,,self_pay,25-34,,,,",
    ],
    "sessions.csv": [
        "session_id,program_id,program_component,activity,session_date,scheduled_minutes,delivery_mode",
        "T1,PR,group_therapy,,2025-02-16,60,",
        "T2,PR,group_therapy,,2025-03-01,60,",
        "T3,PR,group_therapy,,2025-01-13,60,",
        "T4,PR,group_therapy,,2025-01-14,60,",
        "T5,PR,group_therapy,,2025-01-15,60,",
        "T6,PR,group_therapy,,2025-01-26,60,",
        "T7,PR,individual_counseling,,2025-03-01,60,",
        "T8,PR,group_therapy,,2025-01-04,60,",
        "T9,PR,group_therapy,,2025-01-25,60,",
        "T10,PR,group_therapy,,2025-01-27,60,",
        "T11,PR,group_therapy,,2025-02-03,60,",
    ],
    "attendance.csv": [
        "session_id,episode_id,status,minutes_attended",
        "T1,G1,attended,60",
        "T2,G2,attended,60",
        "T3,G3,attended,60", "T4,G3,attended,60", "T5,G3,attended,60",
        "T6,G4,attended,60", "T2,G4,attended,60", "T7,G4,attended,60",
        "T8,G5,attended,60",
        "T11,G7,no_show,",
        "T9,G8,attended,60", "T6,G8,attended,60", "T10,G8,attended,60",
    ],
}


class EngagementAndAttendanceRowsTest(BatchRunTest):

    BATCH_FILES = ENGAGEMENT_BATCH
    AS_OF = ENGAGEMENT_AS_OF

    def table(self, name):
        return read_table(os.path.join(self.out, name + ".csv"), rm.SORT_COLUMNS[name])

    def counts(self, row):
        return tuple(int(row[c]) for c in ("episodes_eligible_initiation", "episodes_initiated",
                                           "episodes_eligible_engagement", "episodes_engaged"))

    def test_attendance_group_without_invitations_has_its_row(self):
        rows, all_rows = self.table("attendance")
        for key in (("outpatient", "all", "self_pay"), ("outpatient", "all", "all"),
                    ("all", "all", "self_pay"), (IOP, "all", "medicare")):
            r = rows[key]
            self.assertEqual((r["sessions_scheduled"], r["sessions_attended"], r["attendance_rate"],
                              r["missed_rate"], r["attended_hours"], r["as_of"]),
                             ("0", "0", "", "", "0.0", "2025-03-01"), key)
        # no component rows without invitations to that component
        self.assertFalse([k for k in rows if k[0] == "outpatient" and k[1] != "all"])
        self.assertNotIn((IOP, IC, "private_insurance"), rows)
        r = rows[("all", "all", "all")]     # 12 attended, 1 no-show
        self.assertEqual((r["sessions_scheduled"], r["sessions_attended"], r["missed_rate"]),
                         ("13", "12", repr(1 / 13)))
        # level x payer groups: IOP x {medicaid, medicare, private, all}, OP x {self_pay, all}, all x 5
        self.assertEqual(len([k for k in rows if k[1] == "all"]), 4 + 2 + 5)

    def test_initiation_window_and_observation_days(self):
        rows, _ = self.table("engagement")
        # G1 (13 days observed, initiated) is out; G2 (14 days, initiated on day 14) is in;
        # G3, G4, G5 initiated; G7 judged and not initiated (a no-show is not a session attended).
        # Engagement is judged for G4 (48 days: engaged) and G5 (59 days: not engaged) only, not
        # for G3 (47 days, already engaged) nor G7 (28 days, never initiated).
        r = rows[(IOP, "all", "medicaid")]
        self.assertEqual(self.counts(r), (5, 4, 2, 1))
        self.assertEqual((r["initiation_rate"], r["engagement_rate"]), ("0.8", "0.5"))
        low, high = wilson_reference(4, 5)
        self.assertAlmostEqual(float(r["initiation_rate_ci_low"]), low, places=12)
        self.assertAlmostEqual(float(r["initiation_rate_ci_high"]), high, places=12)
        low, high = wilson_reference(1, 2)
        self.assertAlmostEqual(float(r["engagement_rate_ci_low"]), low, places=12)
        self.assertAlmostEqual(float(r["engagement_rate_ci_high"]), high, places=12)

    def test_day_15_is_outside_the_initiation_window(self):
        rows, _ = self.table("engagement")
        r = rows[(IOP, "all", "private_insurance")]          # G8: days 15, 16, 17
        self.assertEqual(self.counts(r), (1, 0, 1, 0))
        self.assertEqual((r["initiation_rate"], r["engagement_rate"]), ("0.0", "0.0"))

    def test_early_discharge_is_judged_by_follow_up_only(self):
        rows, _ = self.table("engagement")
        r = rows[(IOP, "all", "medicare")]                   # G6: discharged, 9 days observed
        self.assertEqual(self.counts(r), (0, 0, 0, 0))
        self.assertEqual((r["initiation_rate"], r["initiation_rate_ci_low"], r["engagement_rate"],
                          r["engagement_rate_ci_high"]), ("", "", "", ""))
        op = rows[("outpatient", "all", "self_pay")]         # G9: 28 days, never invited
        self.assertEqual(self.counts(op), (1, 0, 0, 0))
        self.assertEqual((op["initiation_rate"], op["engagement_rate"]), ("0.0", ""))

    def test_same_day_sessions_count_twice_and_component_rows(self):
        rows, all_rows = self.table("engagement")
        ic = rows[(IOP, IC, "medicaid")]                     # G4 alone: exposed to individual counseling
        self.assertEqual(self.counts(ic), (1, 1, 1, 1))
        gt = rows[(IOP, GT, "all")]                          # G1..G5 and G8 attended group therapy
        self.assertEqual(self.counts(gt), (5, 4, 3, 1))
        self.assertNotIn((IOP, GT, "medicare"), rows)        # G6 attended nothing
        self.assertEqual(self.counts(rows[("all", "all", "all")]), (7, 4, 3, 1))
        self.assertEqual(all_rows[0]["level_of_care"], "all")

    def test_engagement_status(self):
        f = rm.Facts({"episode_id": "x", "level_of_care": IOP, "payment_source": "medicaid",
                      "age_group": "25-34", "co_occurring_mental_health": None,
                      "prior_treatment_episodes": None, "admission_date": datetime.date(2025, 1, 1),
                      "discharge_date": None, "discharge_reason": None}, datetime.date(2025, 6, 1))
        for days, expected in (([], (False, False)), ([15, 16, 17], (False, False)),
                               ([3, 3, 3], (True, False)),          # more sessions on the same day
                               ([3, 4, 37], (True, True)), ([3, 4, 38], (True, False)),
                               ([14, 48, 48], (True, True)), ([0, 14, 15], (True, True))):
            f.attended_days = days
            self.assertEqual(rm.engagement_status(f), expected, days)


# ---------------------------------------------------------------------------------------------
# level_of_care_comparison (as_of 2025-06-30, given explicitly)
# ---------------------------------------------------------------------------------------------
# Strata A = (25-34, true, 0), B = (35-44, false, 2+), C = (45-54, unknown, unknown) only at IOP,
# D = (18-24, false, 1) only at outpatient.
#   IOP: I1 A completed; I2 A dropped out after 104 days; I3 B completed; I4 C completed;
#        I5 C in care 29 days (in neither population). Charges of the discharged: 65.00 - 5.00
#        (adjustment) + 20.01 + 10.00 + 10.01 = 100.02 (I2's 99.99 is after as_of, I5's 50.00 is
#        of an episode in care).
#   OP:  O1 A completed; O2 B dropped out (19 days); O3 B completed; O4 B dropped out (120 days);
#        O5 D completed; O6 A in care 180 days (retention only). Charges: 20.01 + 10 + 10 + 5 + 5
#        = 50.01 (O6's 1000.00 does not count).
#   RES: R1 in care 29 days: a pair whose other level has no population.
COMPARISON_AS_OF = datetime.date(2025, 6, 30)
COMPARISON_BATCH = {
    "episodes.csv": [
        EPISODE_HEADER,
        "I1,P1,PR,intensive_outpatient,2025-01-01,2025-03-01,completed,medicaid,25-34,,,true,0",
        "I2,P2,PR,intensive_outpatient,2025-01-01,2025-04-15,dropped_out,medicaid,25-34,,,yes,0",
        "I3,P3,PR,intensive_outpatient,2025-02-01,2025-03-01,completed,medicaid,35-44,,,false,2",
        "I4,P4,PR,intensive_outpatient,2025-02-01,2025-03-03,completed,medicaid,45-54,,,,",
        "I5,P5,PR,intensive_outpatient,2025-06-01,,,medicaid,45-54,,,,",
        "O1,P6,PR,outpatient,2025-01-01,2025-02-15,completed,self_pay,25-34,,,1,0",
        "O2,P7,PR,outpatient,2025-01-01,2025-01-20,dropped_out,self_pay,35-44,,,false,5",
        "O3,P8,PR,outpatient,2025-01-01,2025-03-01,completed,self_pay,35-44,,,no,2",
        "O4,P9,PR,outpatient,2025-01-01,2025-05-01,dropped_out,self_pay,35-44,,,false,3",
        "O5,P10,PR,outpatient,2025-02-01,2025-03-01,completed,self_pay,18-24,,,false,1",
        "O6,P11,PR,outpatient,2025-01-01,,,self_pay,25-34,,,true,0",
        "R1,P12,PR,residential,2025-06-01,,,medicaid,25-34,,,true,0",
    ],
    "costs.csv": [
        "cost_id,episode_id,session_id,service_date,cost_category,amount,payer",
        "K1,I1,,2025-01-05,therapy,65.00,medicaid",
        "K2,I1,,2025-02-01,adjustment,-5.00,medicaid",
        "K3,I2,,2025-01-05,therapy,20.01,medicaid",
        "K4,I2,,2025-07-15,lab,99.99,medicaid",
        "K5,I3,,2025-02-05,therapy,10.00,medicaid",
        "K6,I4,,2025-02-05,therapy,10.01,medicaid",
        "K7,I5,,2025-06-05,therapy,50.00,medicaid",
        "K8,O1,,2025-01-05,therapy,20.01,self_pay",
        "K9,O2,,2025-01-05,therapy,10.00,self_pay",
        "K10,O3,,2025-01-05,therapy,10.00,self_pay",
        "K11,O4,,2025-01-05,therapy,5.00,self_pay",
        "K12,O5,,2025-02-05,therapy,5.00,self_pay",
        "K13,O6,,2025-01-05,therapy,1000.00,self_pay",
    ],
}


class LevelOfCareComparisonTest(BatchRunTest):

    BATCH_FILES = COMPARISON_BATCH
    AS_OF = COMPARISON_AS_OF

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rows, cls.all_rows = read_table(os.path.join(cls.out, "level_of_care_comparison.csv"),
                                            rm.SORT_COLUMNS["level_of_care_comparison"])

    def row(self, level, measure):
        r = self.rows[(level, measure)]
        self.assertEqual((r["reference_level"], r["as_of"]), (IOP, "2025-06-30"))
        return r

    def test_rows_and_order(self):
        self.assertEqual([(r["comparison_level"], r["measure"]) for r in self.all_rows],
                         [(level, m) for level in ("outpatient", "residential")
                          for m in ("completion_rate", "cost_per_completion", "cost_per_episode",
                                    "retention_rate_90")])

    def test_completion_standardised_over_shared_strata_only(self):
        r = self.row("outpatient", "completion_rate")
        self.assertEqual((r["iop_n"], r["other_n"], r["iop_value"], r["other_value"],
                          r["interval_method"]), ("4", "5", "0.75", "0.6", "newcombe_hybrid_score"))
        self.assertAlmostEqual(float(r["difference"]), 0.15, places=15)
        # Kept strata: A (IOP 1 of 2, OP 1 of 1; pooled 3) and B (IOP 1 of 1, OP 1 of 3; pooled 4).
        # C (IOP only) and D (OP only) are dropped for both levels: 7 of the 9 episodes.
        self.assertAlmostEqual(float(r["iop_standardised"]), 3 / 7 * 1 / 2 + 4 / 7 * 1, places=15)
        self.assertAlmostEqual(float(r["iop_standardised"]), 11 / 14, places=15)
        self.assertAlmostEqual(float(r["other_standardised"]), 13 / 21, places=15)
        self.assertAlmostEqual(float(r["standardised_difference"]), 1 / 6, places=15)
        self.assertAlmostEqual(float(r["standard_population_share"]), 7 / 9, places=15)

    def test_retention_standardised(self):
        r = self.row("outpatient", "retention_rate_90")
        # IOP: I1..I4 eligible and retained (I2: 104 days). OP: O1..O6 eligible (O6 in care 180
        # days), O2 not retained. Kept strata A (IOP 2/2, OP 2/2) and B (IOP 1/1, OP 2/3).
        self.assertEqual((r["iop_n"], r["other_n"], r["iop_value"]), ("4", "6", "1.0"))
        self.assertAlmostEqual(float(r["other_value"]), 5 / 6, places=15)
        self.assertAlmostEqual(float(r["difference"]), 1 / 6, places=15)
        self.assertEqual(float(r["iop_standardised"]), 1.0)
        self.assertAlmostEqual(float(r["other_standardised"]), 1 / 2 + 1 / 2 * 2 / 3, places=15)
        self.assertAlmostEqual(float(r["standardised_difference"]), 1 / 6, places=15)
        self.assertEqual(r["standard_population_share"], "0.8")
        self.assertEqual(r["icer"], self.row("outpatient", "completion_rate")["icer"])

    def test_costs_half_up_and_icer_from_unrounded_costs(self):
        r = self.row("outpatient", "cost_per_episode")
        # IOP 100.02 / 4 = 25.005 -> 25.01 (half-up); OP 50.01 / 5 = 10.002 -> 10.00.
        # The difference is that of the rounded values (15.01, not 15.003 -> 15.00).
        self.assertEqual((r["iop_n"], r["other_n"], r["iop_value"], r["other_value"], r["difference"],
                          r["interval_method"]),
                         ("4", "5", "25.01", "10.00", "15.01", "percentile_bootstrap"))
        self.assertEqual((r["iop_standardised"], r["other_standardised"],
                          r["standardised_difference"], r["standard_population_share"]),
                         ("", "", "", ""))
        # ICER = (25.005 - 10.002) / (0.75 - 0.6) = 100.02 (from the rounded costs: 100.07).
        self.assertEqual(r["icer"], "100.02")
        c = self.row("outpatient", "cost_per_completion")
        # IOP 100.02 / 3 = 33.34; OP 50.01 / 3 = 16.67.
        self.assertEqual((c["iop_n"], c["other_n"], c["iop_value"], c["other_value"], c["difference"],
                          c["icer"]), ("4", "5", "33.34", "16.67", "16.67", "100.02"))

    def test_pair_without_population(self):
        for measure in rm.COMPARISON_MEASURES:
            r = self.row("residential", measure)           # R1 in care, 29 days
            self.assertEqual((r["other_n"], r["other_value"], r["difference"], r["icer"],
                              r["iop_standardised"], r["other_standardised"],
                              r["standardised_difference"]), ("0", "", "", "", "", "", ""), measure)
            rate_row = measure in ("completion_rate", "retention_rate_90")
            self.assertEqual(r["standard_population_share"], "0.0" if rate_row else "")

    def test_standardise(self):
        self.assertEqual(rm.standardise([], []), (None, None, None))
        self.assertEqual(rm.standardise([("a", True)], [("b", False)]), (None, None, 0.0))
        # one shared stratum: the crude rates of that stratum, share 4 / 5
        got = rm.standardise([("a", True), ("a", False), ("c", True)], [("a", True), ("a", True)])
        self.assertEqual(got, (0.5, 1.0, 0.8))

    def test_no_iop_no_rows(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        batch = os.path.join(tmp.name, "batch")
        write_batch(batch, {"episodes.csv": [EPISODE_HEADER,
                                             "O1,P1,PR,outpatient,2025-01-01,2025-02-01,completed,"
                                             "medicaid,25-34,,,,"]})
        rm.run(batch, os.path.join(tmp.name, "out"))
        rows, all_rows = read_table(os.path.join(tmp.name, "out", "level_of_care_comparison.csv"),
                                    rm.SORT_COLUMNS["level_of_care_comparison"])
        self.assertEqual(all_rows, [])

    def test_stratum(self):
        def facts(cmh, prior):
            return rm.Facts({"episode_id": "x", "level_of_care": IOP, "payment_source": "medicaid",
                             "age_group": "65+", "co_occurring_mental_health": cmh,
                             "prior_treatment_episodes": prior,
                             "admission_date": datetime.date(2025, 1, 1), "discharge_date": None,
                             "discharge_reason": None}, datetime.date(2025, 2, 1))
        self.assertEqual(rm.stratum(facts(None, None)), ("65+", "unknown", "unknown"))
        self.assertEqual(rm.stratum(facts(True, 0)), ("65+", "true", "0"))
        self.assertEqual(rm.stratum(facts(False, 1)), ("65+", "false", "1"))
        self.assertEqual(rm.stratum(facts(False, 2)), ("65+", "false", "2+"))
        self.assertEqual(rm.stratum(facts(False, 7)), ("65+", "false", "2+"))


if __name__ == "__main__":
    unittest.main()
