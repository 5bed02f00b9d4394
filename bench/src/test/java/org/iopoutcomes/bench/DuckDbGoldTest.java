package org.iopoutcomes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DuckDB's five gold tables on the sample batch (without its deliberately bad rows) equal the tables
 * tools/reference computed independently from the same rows: every row and value, counts and money
 * exactly, rates within 1e-9; at the default cut-off and at 2026-03-31.
 */
class DuckDbGoldTest {

  private static Path cleanSample;

  @BeforeAll
  static void writeCleanSample() throws IOException {
    cleanSample = BenchFixtures.cleanSample();
  }

  @ParameterizedTest(name = "as of {0}")
  @CsvSource({"default, sample", "2026-03-31, sample-2026-03-31"})
  void goldTablesEqualTheReferenceComputation(String asOf, String expectedFolder) throws IOException {
    LocalDate cutOff = asOf.equals("default") ? null : LocalDate.parse(asOf);
    DuckDbGold.Result result = new DuckDbGold().compute(List.of(cleanSample), cutOff);

    assertEquals(BenchFixtures.expectedAsOf(expectedFolder), result.asOf().toString(), "as_of");
    assertEquals(DuckDbGold.TABLES, List.copyOf(result.tables().keySet()));
    GoldAgreement agreement = new GoldAgreement();
    AgreementReport report = new AgreementReport("duckdb", "reference", List.of(), List.of());
    for (String table : DuckDbGold.TABLES) {
      List<java.util.Map<String, Object>> expected = BenchFixtures.expectedRows(expectedFolder, table);
      assertTrue(!expected.isEmpty(), table + ": the reference has rows");
      report = report.and(agreement.compare(table, "duckdb", result.rows(table), "reference", expected));
    }
    assertTrue(report.agrees(), report.toString());
    System.out.printf("duckdb on the sample as of %s: load %.2f s, tables %s, total %.2f s%n", result.asOf(),
        result.loadSeconds(), result.tables().values().stream()
            .map(t -> String.format("%s %.2f s", t.table(), t.seconds())).toList(), result.totalSeconds());
  }
}
