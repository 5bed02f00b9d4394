package org.iopoutcomes.national;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.stats.WilsonInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * national_retention on the fixture (rows as in {@link TedsFixture}), counted by hand. Retained at
 * D: completed, or the LOS code's lowest day ≥ D. Uncertain: not completed and the LOS bin straddles
 * D (46-60 at 60, 61-90 at 90, 121-180 at 180).
 */
class NationalRetentionTest {

  private static GoldRows retention;

  @BeforeAll
  static void compute() {
    retention = new GoldRows("national_retention", new NationalRetention().compute(TedsFixture.staged()));
  }

  private static GoldRows.Cell cell(String year, String level, String payer, int window) {
    return retention.cell("discharge_year", year, "level_of_care", level, "payment_source", payer,
        "window_days", String.valueOf(window));
  }

  @ParameterizedTest(name = "all records, D = {0}: {1} retained, {2} uncertain")
  @CsvSource({
      // 27 records (rows 1-11, 13-28); 10 completed. Not completed, by LOS:
      // 20, 29, 30, 31-45 (10), 46-60 (3, 22), 61-90 (4, 24), 121-180 (7, 25), 181-365 (11),
      // 366+ (13), and 1, 2, 4, 5, 14 days.
      "30, 20, 0",    // + 30 days and every bin: 3, 4, 5, 7, 10, 11, 13, 22, 24, 25
      "60, 16, 2",    // + 61 days and up: 4, 7, 11, 13, 24, 25; 46-60 straddles: 3, 22
      "90, 14, 2",    // + 91 days and up: 7, 11, 13, 25; 61-90 straddles: 4, 24
      "180, 12, 2"})  // + 181 days and up: 11, 13; 121-180 straddles: 7, 25
  void everyRecordIsEligibleAndBinsStraddlingTheWindowAreUncertain(int window, long retained, long uncertain) {
    cell("all", "all", "all", window)
        .count("episodes_eligible", 27).count("episodes_retained", retained)
        .count("episodes_uncertain", uncertain)
        .rate("retention_rate", retained / 27.0)
        .rate("retention_rate_ci_low", WilsonInterval.of(retained, 27)[0])
        .rate("retention_rate_ci_high", WilsonInterval.of(retained, 27)[1]);
    assertEquals(uncertain > 0, cell("all", "all", "all", window).get("approximate"), "approximate at " + window);
  }

  @ParameterizedTest(name = "IOP, D = {0}: {1} retained, {2} uncertain")
  @CsvSource({
      // Rows 1-11, 13 (12 records; 12 has no LOS); completed 1, 6, 9.
      "30, 10, 0",    // + 3, 4, 5, 7, 10, 11, 13
      "60, 7, 1",     // + 4, 7, 11, 13; row 3 (46-60) uncertain
      "90, 6, 1",     // + 7, 11, 13; row 4 (61-90) uncertain
      "180, 5, 1"})   // + 11, 13; row 7 (121-180) uncertain
  void intensiveOutpatient(int window, long retained, long uncertain) {
    cell("all", "intensive_outpatient", "all", window)
        .count("episodes_eligible", 12).count("episodes_retained", retained)
        .count("episodes_uncertain", uncertain).rate("retention_rate", retained / 12.0);
  }

  @Test
  void thirtyDaysIsNeverApproximate() {
    long approximateAt30 = new NationalRetention().compute(TedsFixture.staged())
        .filter("window_days = 30 AND (approximate OR episodes_uncertain > 0)").count();
    assertEquals(0, approximateAt30, "the LOS codes are exact at 30 days: days up to 30, bins from 31");
  }

  @Test
  void approximateOnlyWhereTheCellHoldsAStraddlingRecord() {
    // 2020 IOP: rows 9 (completed), 10 (31-45), 11 (181-365), 13 (366+): no bin straddles 60, 90 or 180.
    for (int window : new int[] {60, 90, 180}) {
      cell("2020", "intensive_outpatient", "all", window).count("episodes_eligible", 4)
          .count("episodes_retained", 3).count("episodes_uncertain", 0);
      assertEquals(false, cell("2020", "intensive_outpatient", "all", window).get("approximate"));
    }
    // 2019 IOP medicaid: rows 1 (completed), 2 (20 days), 3 (46-60).
    cell("2019", "intensive_outpatient", "medicaid", 30).count("episodes_retained", 2).count("episodes_uncertain", 0);
    cell("2019", "intensive_outpatient", "medicaid", 60).count("episodes_retained", 1).count("episodes_uncertain", 1);
    assertEquals(true, cell("2019", "intensive_outpatient", "medicaid", 60).get("approximate"));
    cell("2019", "intensive_outpatient", "medicaid", 90).count("episodes_retained", 1).count("episodes_uncertain", 0);
    assertEquals(false, cell("2019", "intensive_outpatient", "medicaid", 90).get("approximate"));
  }

  @Test
  void otherLevels() {
    // Outpatient: 23 (completed), 24 (61-90), 25 (121-180), 26 (1), 27 (completed), 28 (4).
    cell("all", "outpatient", "all", 30).count("episodes_eligible", 6).count("episodes_retained", 4);
    cell("all", "outpatient", "all", 60).count("episodes_retained", 4).count("episodes_uncertain", 0);
    cell("all", "outpatient", "all", 90).count("episodes_retained", 3).count("episodes_uncertain", 1);
    cell("all", "outpatient", "all", 180).count("episodes_retained", 2).count("episodes_uncertain", 1);
    // Residential: 16, 19, 21 completed; 17 (2), 20 (14), 22 (46-60). Row 34 has no LOS.
    cell("all", "residential", "all", 30).count("episodes_eligible", 6).count("episodes_retained", 4);
    cell("all", "residential", "all", 60).count("episodes_retained", 3).count("episodes_uncertain", 1);
    // Inpatient: 14, 18 completed; 15 (5 days).
    cell("all", "inpatient", "all", 180).count("episodes_eligible", 3).count("episodes_retained", 2)
        .count("episodes_uncertain", 0);
  }

  @Test
  void recordsWithoutAPayerCountInAllOnly() {
    // 2019 IOP: 8 records, of which row 7 has no payer; payers: medicaid 3, private 3, self_pay 1.
    cell("2019", "intensive_outpatient", "all", 30).count("episodes_eligible", 8).count("episodes_retained", 6);
    cell("2019", "intensive_outpatient", "private_insurance", 30).count("episodes_eligible", 3);
    cell("2019", "intensive_outpatient", "self_pay", 30).count("episodes_eligible", 1);
    // Every cell has its four windows.
    assertEquals(0, retention.size() % 4, "four windows per cell");
  }
}
