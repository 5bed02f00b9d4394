package org.iopoutcomes.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.iopoutcomes.GoldRows;
import org.iopoutcomes.stats.WilsonInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** national_completion on the fixture (rows as in {@link TedsFixture}), counted by hand. */
class NationalCompletionTest {

  private static GoldRows completion;

  @BeforeAll
  static void compute() {
    completion = new GoldRows("national_completion", new NationalCompletion().compute(TedsFixture.staged()));
  }

  private static GoldRows.Cell cell(String year, String level, String payer) {
    return completion.cell("discharge_year", year, "level_of_care", level, "payment_source", payer);
  }

  @Test
  void everyUsableRecordCountsInTheAllCell() {
    // Rows 1-28, 33, 34, 36: 31 records. Completed: 1, 6, 9, 14, 16, 18, 19, 21, 23, 27, 33 (11).
    // Dropped out: 2, 3, 8, 10, 12, 17, 22, 24, 26, 28, 34, 36; terminated: 4, 20 (14).
    // Transferred: 5, 15, 25 (3).
    cell("all", "all", "all")
        .count("episodes_discharged", 31).count("episodes_completed", 11)
        .count("episodes_dropped_out", 14).count("episodes_transferred", 3)
        .rate("completion_rate", 11.0 / 31).rate("dropout_rate", 14.0 / 31)
        .rate("completion_rate_ci_low", WilsonInterval.of(11, 31)[0])
        .rate("completion_rate_ci_high", WilsonInterval.of(11, 31)[1])
        .rate("dropout_rate_ci_low", WilsonInterval.of(14, 31)[0])
        .rate("dropout_rate_ci_high", WilsonInterval.of(14, 31)[1]);
  }

  @Test
  void intensiveOutpatientIsServicesCodeSix() {
    // Rows 1-13: completed 1, 6, 9; dropped out 2, 3, 8, 10, 12 and terminated 4; transferred 5.
    cell("all", "intensive_outpatient", "all")
        .count("episodes_discharged", 13).count("episodes_completed", 3)
        .count("episodes_dropped_out", 6).count("episodes_transferred", 1)
        .rate("completion_rate", 3.0 / 13);
    cell("2019", "intensive_outpatient", "all")
        .count("episodes_discharged", 8).count("episodes_completed", 2)
        .count("episodes_dropped_out", 4).count("episodes_transferred", 1);
    cell("2020", "intensive_outpatient", "all")
        .count("episodes_discharged", 5).count("episodes_completed", 1)
        .count("episodes_dropped_out", 2).count("episodes_transferred", 0);
  }

  @Test
  void detoxGoesToTheLevelOfItsSetting() {
    // Inpatient: 14 (hospital detox), 15 (hospital detox), 18 (hospital rehab).
    cell("all", "inpatient", "all").count("episodes_discharged", 3).count("episodes_completed", 2)
        .count("episodes_transferred", 1);
    // Residential: 16, 17 (residential detox), 19, 20 (short term), 21, 22 (long term), 34.
    cell("all", "residential", "all").count("episodes_discharged", 7).count("episodes_completed", 3)
        .count("episodes_dropped_out", 4);
    // Outpatient: 23-26, 33, 36 (non-intensive) and 27, 28 (ambulatory detox).
    cell("all", "outpatient", "all").count("episodes_discharged", 8).count("episodes_completed", 3)
        .count("episodes_dropped_out", 4).count("episodes_transferred", 1);
    assertFalse(completion.has("level_of_care", "partial_hospitalization"), "TEDS has no partial hospitalization");
  }

  @Test
  void yearsAreRowsAndPooledAsAll() {
    cell("2019", "all", "all").count("episodes_discharged", 17);
    cell("2020", "all", "all").count("episodes_discharged", 14);
  }

  @Test
  void payerCellsAndRecordsWithoutAPayer() {
    cell("2019", "intensive_outpatient", "medicaid").count("episodes_discharged", 3).count("episodes_completed", 1)
        .count("episodes_dropped_out", 2).rate("completion_rate", 1.0 / 3);
    cell("all", "intensive_outpatient", "medicaid").count("episodes_discharged", 6).count("episodes_completed", 2)
        .count("episodes_dropped_out", 4);
    cell("2019", "intensive_outpatient", "private_insurance").count("episodes_discharged", 3)
        .count("episodes_completed", 1).count("episodes_dropped_out", 1).count("episodes_transferred", 1);
    cell("all", "all", "medicaid").count("episodes_discharged", 10).count("episodes_completed", 4);
    // Rows 7 (-9) and 13 (code 8) are IOP without a payer: in the all row (13), in no payer's row
    // (medicaid 6 + private 3 + self_pay 1 + other_government 1 = 11).
    long iopPayers = 0;
    for (String payer : new String[] {"medicaid", "private_insurance", "self_pay", "other_government"}) {
      iopPayers += ((Number) cell("all", "intensive_outpatient", payer).get("episodes_discharged")).longValue();
    }
    assertEquals(11, iopPayers);
    assertFalse(completion.has("payment_source", "null"), "no row for a missing payer");
    assertFalse(completion.toString().contains(",null,"), "no dimension is null:\n" + completion);
  }

  @Test
  void leftOutRecordsAndEmptyCellsHaveNoRow() {
    // Row 30 (SERVICES_D 9) and row 35 (REASON 8) are left out; row 32 has no year.
    assertFalse(completion.has("discharge_year", "-9"));
    assertFalse(completion.has("discharge_year", "2019", "level_of_care", "inpatient", "payment_source", "private_insurance"),
        "row 18 is 2020");
  }
}
