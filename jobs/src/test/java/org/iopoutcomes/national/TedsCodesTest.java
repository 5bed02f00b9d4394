package org.iopoutcomes.national;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.Contract;
import org.junit.jupiter.api.Test;

/** schemas/teds/teds_d.json hangs together with our codes and our episode columns. */
class TedsCodesTest {

  private static final TedsCodes CODES = TedsCodes.load();
  private static final Contract CONTRACT = Contract.load();

  @Test
  void everyMappedCodeIsOneOfOurs() {
    for (TedsCodes.FileColumn column : CODES.columns()) {
      if (column.codeList() != null) {
        List<String> ours = CONTRACT.codes(column.codeList());
        column.codes().forEach((teds, code) ->
            assertTrue(ours.contains(code), column.column() + " " + teds + " maps to " + code
                + ", not a code of " + column.codeList()));
      }
    }
  }

  @Test
  void everyCodedFieldIsAnEpisodeColumn() {
    for (TedsCodes.FileColumn column : CODES.columns()) {
      if ("code".equals(column.kind())) {
        assertTrue(CONTRACT.entity("episodes").column(column.field()).isPresent(),
            column.column() + " maps onto " + column.field() + ", which episodes do not have");
      }
    }
  }

  @Test
  void servicesCoverTheCodebookAndOnlyCodeSixIsIntensiveOutpatient() {
    Map<String, String> services = CODES.column(TedsCodes.LEVEL_OF_CARE).codes();
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), List.copyOf(services.keySet()));
    services.forEach((code, level) ->
        assertEquals(code.equals("6"), level.equals("intensive_outpatient"), "SERVICES_D " + code));
    assertTrue(!services.containsValue("partial_hospitalization"), "TEDS has no partial hospitalization");
  }

  @Test
  void reasonAndPayerCoverTheCodebook() {
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"),
        List.copyOf(CODES.column(TedsCodes.DISCHARGE_REASON).codes().keySet()));
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"),
        List.copyOf(CODES.column(TedsCodes.PAYMENT_SOURCE).codes().keySet()));
    assertEquals(12, CODES.column("age_group").codes().size(), "AGE has twelve bands from 2015 on");
  }

  @Test
  void losCodesAreContiguousDayRanges() {
    Map<String, TedsCodes.DayRange> los = CODES.losCodes();
    assertEquals(37, los.size(), "LOS codes 1 to 37");
    int nextDay = 1;
    for (int code = 1; code <= 37; code++) {
      TedsCodes.DayRange range = los.get(String.valueOf(code));
      assertEquals(nextDay, range.minDays(), "LOS " + code + " starts where " + (code - 1) + " ended");
      if (code == 37) {
        assertNull(range.maxDays(), "LOS 37, more than a year, has no upper bound");
      } else {
        nextDay = range.maxDays() + 1;
      }
    }
    assertEquals(new TedsCodes.DayRange(46, 60), los.get("32"));
    assertEquals(new TedsCodes.DayRange(121, 180), los.get("35"));
  }

  @Test
  void missingAndOlderFile() {
    assertEquals(List.of("-9"), CODES.missingCodes());
    assertEquals(2015, CODES.firstSupportedDischargeYear());
    assertEquals(List.of("SERVSETD"), CODES.olderFileColumns());
  }
}
