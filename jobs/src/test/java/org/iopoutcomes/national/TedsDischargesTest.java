package org.iopoutcomes.national;

import static org.iopoutcomes.national.TedsDischarges.MISSING;
import static org.iopoutcomes.national.TedsDischarges.OK;
import static org.iopoutcomes.national.TedsDischarges.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staging maps every TEDS-D code through teds_d.json and says why a value could not be mapped. */
class TedsDischargesTest {

  private static Map<String, Row> byCaseId;

  @BeforeAll
  static void stage() {
    byCaseId = TedsFixture.staged().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("case_id"), Function.identity()));
  }

  private static Row row(int number) {
    return byCaseId.get(TedsFixture.caseId(number));
  }

  @ParameterizedTest(name = "row {0}: {1} = {2} ({3})")
  @CsvSource(nullValues = "null", value = {
      // the fixture row, the staged field, its value, its status
      "1, level_of_care, intensive_outpatient, ok",
      "14, level_of_care, inpatient, ok",           // 1 detox, hospital inpatient
      "16, level_of_care, residential, ok",         // 2 detox, free-standing residential
      "18, level_of_care, inpatient, ok",           // 3 rehab/residential, hospital
      "19, level_of_care, residential, ok",         // 4 short-term residential
      "21, level_of_care, residential, ok",         // 5 long-term residential
      "23, level_of_care, outpatient, ok",          // 7 non-intensive outpatient
      "27, level_of_care, outpatient, ok",          // 8 ambulatory detox
      "29, level_of_care, null, missing",           // -9
      "30, level_of_care, null, unknown",           // 9 is no SERVICES_D code
      "4, discharge_reason, terminated_by_facility, ok",
      "11, discharge_reason, incarcerated, ok",
      "13, discharge_reason, death, ok",
      "31, discharge_reason, null, missing",
      "35, discharge_reason, null, unknown",
      "8, payment_source, self_pay, ok",
      "4, payment_source, private_insurance, ok",
      "14, payment_source, medicare, ok",
      "11, payment_source, other_government, ok",
      "16, payment_source, no_charge, ok",
      "23, payment_source, other, ok",
      "7, payment_source, null, missing",
      "13, payment_source, null, unknown",
      "32, discharge_year, null, missing"})
  void mapsCodesAndNamesTheProblem(int row, String field, String value, String status) {
    assertEquals(value, row(row).getAs(field) == null ? null : String.valueOf(row(row).<Object>getAs(field)),
        "row " + row + " " + field);
    assertEquals(status, row(row).getAs(TedsDischarges.status(field)), "row " + row + " " + field + " status");
  }

  @ParameterizedTest(name = "row {0}: LOS {1} to {2} days ({3})")
  @CsvSource(nullValues = "null", value = {
      "5, 30, 30, ok",          // LOS 30 = 30 days
      "10, 31, 45, ok",         // 31 = 31-45
      "3, 46, 60, ok",          // 32 = 46-60
      "1, 61, 90, ok",          // 33 = 61-90
      "9, 91, 120, ok",         // 34 = 91-120
      "7, 121, 180, ok",        // 35 = 121-180
      "11, 181, 365, ok",       // 36 = 181-365
      "13, 366, null, ok",      // 37 = more than a year
      "12, null, null, missing",
      "36, null, null, missing", // empty
      "33, null, null, unknown"}) // 38 is no LOS code
  void losBecomesARangeOfDays(int row, Integer min, Integer max, String status) {
    assertEquals(min, row(row).getAs(TedsDischarges.LOS_MIN_DAYS), "row " + row + " min days");
    assertEquals(max, row(row).getAs(TedsDischarges.LOS_MAX_DAYS), "row " + row + " max days");
    assertEquals(status, row(row).getAs(TedsDischarges.status(TedsCodes.LENGTH_OF_STAY)), "row " + row);
  }

  @ParameterizedTest(name = "row {0}: AGE → {1}, PSYPROB → {2}, NOPRIOR → {3}")
  @CsvSource(nullValues = "null", value = {
      "1, 25-34, true, 0",     // AGE 5 (25-29), PSYPROB 1, NOPRIOR 0
      "2, 12-17, false, 1",    // AGE 2 (15-17)
      "13, 12-17, false, 2",   // AGE 1 (12-14)
      "4, 18-24, null, 3",     // AGE 4 (21-24), PSYPROB -9
      "6, 35-44, true, 5",     // AGE 7 (35-39), NOPRIOR 5 = five or more
      "10, 55-64, true, 2",    // AGE 11
      "11, 65+, false, 0",     // AGE 12
      "12, null, true, 1",     // AGE -9
      "7, 35-44, false, null"}) // AGE 8 (40-44), NOPRIOR -9
  void caseMixFieldsTakeOurEpisodeTypes(int row, String ageGroup, Boolean coOccurring, Integer prior) {
    assertEquals(ageGroup, row(row).getAs("age_group"), "row " + row + " age_group");
    assertEquals(coOccurring, row(row).getAs("co_occurring_mental_health"), "row " + row + " PSYPROB");
    assertEquals(prior, row(row).getAs("prior_treatment_episodes"), "row " + row + " NOPRIOR");
  }

  @org.junit.jupiter.api.Test
  void yearIsAnInteger() {
    assertEquals(2019, (int) row(1).getAs(TedsCodes.DISCHARGE_YEAR));
    assertEquals(OK, row(1).getAs(TedsDischarges.status(TedsCodes.DISCHARGE_YEAR)));
    assertEquals(36, byCaseId.size(), "every record of the fixture is staged");
    assertNull(row(32).getAs(TedsCodes.DISCHARGE_YEAR));
    assertEquals(MISSING, row(32).getAs(TedsDischarges.status(TedsCodes.DISCHARGE_YEAR)));
    assertEquals(UNKNOWN, row(30).getAs(TedsDischarges.status(TedsCodes.LEVEL_OF_CARE)));
  }
}
