package org.iopoutcomes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.pipeline.OutcomesRun;
import org.iopoutcomes.pipeline.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark pipeline and DuckDB agree on the same input: one pipeline run over two batches (the
 * sample without its bad rows, then a batch correcting it) against DuckDB over the same batches. And
 * the check can fail: an altered value or a missing row is reported.
 */
class GoldAgreementTest {

  private static String lake;
  private static DuckDbGold.Result duckDb;

  @BeforeAll
  static void runBoth() throws IOException {
    List<Path> batches = List.of(BenchFixtures.cleanSample(), BenchFixtures.correctionBatch());
    lake = BenchFixtures.tempDir("lake").toString();
    OutcomesRun.Result spark = new OutcomesRun(BenchSpark.get(), Progress.SILENT)
        .run(new OutcomesRun.Options(batches.stream().map(Path::toString).toList(), lake, null));
    assertEquals(0, spark.rowsQuarantined(), "the batches are contract-valid");
    duckDb = new DuckDbGold().compute(batches, null);
    assertEquals(spark.asOf(), duckDb.asOf(), "default as_of");
  }

  @Test
  void sparkAndDuckDbAgreeOnEveryGoldTable() {
    AgreementReport report = new GoldAgreement().compareWithLake(duckDb, BenchSpark.get(), lake);
    assertTrue(report.agrees(), report.toString());
  }

  @Test
  void theCorrectionBatchReplacedTheSampleRows() {
    Map<String, Object> allCells = duckDb.rows("cost_by_payer").stream()
        .filter(r -> r.get("payer").equals("all") && r.get("level_of_care").equals("all")
            && r.get("cost_category").equals("all"))
        .findFirst().orElseThrow();
    // The sample's 8241 charges, one more, and c-000001 corrected from 250.00 to 275.00.
    assertEquals(8242L, allCells.get("charges"));
    assertEquals(new BigDecimal("1234018.34"), allCells.get("amount"));
  }

  @Test
  void anAlteredValueIsReported() {
    GoldAgreement agreement = new GoldAgreement();
    List<Map<String, Object>> spark = agreement.lakeRows(BenchSpark.get(), lake, "cost_per_outcome");
    List<Map<String, Object>> altered = new ArrayList<>();
    for (Map<String, Object> row : spark) {
      altered.add(new LinkedHashMap<>(row));
    }
    Map<String, Object> changed = altered.get(0);
    changed.put("total_cost", ((BigDecimal) changed.get("total_cost")).add(new BigDecimal("0.01")));

    AgreementReport report = agreement.compare("cost_per_outcome", "duckdb", duckDb.rows("cost_per_outcome"),
        "spark", altered);
    assertFalse(report.agrees());
    assertEquals(1, report.mismatches().size(), report.toString());
    AgreementReport.Mismatch mismatch = report.mismatches().get(0);
    assertEquals("total_cost", mismatch.column());
    assertEquals(changed.get("total_cost"), mismatch.rightValue());
    assertEquals(List.of("level_of_care", "program_component", "payment_source"),
        List.copyOf(mismatch.key().keySet()));
  }

  @Test
  void aRateBeyondTheToleranceAndAMissingRowAreReported() {
    GoldAgreement agreement = new GoldAgreement();
    List<Map<String, Object>> duck = duckDb.rows("retention");
    List<Map<String, Object>> altered = new ArrayList<>();
    for (Map<String, Object> row : duck.subList(1, duck.size())) {
      altered.add(new LinkedHashMap<>(row));
    }
    Map<String, Object> withRate = altered.stream().filter(r -> r.get("retention_rate") != null).findFirst()
        .orElseThrow();
    withRate.put("retention_rate", (Double) withRate.get("retention_rate") + 1e-8);
    Map<String, Object> withinTolerance = altered.stream()
        .filter(r -> r != withRate && r.get("retention_rate_ci_low") != null).findFirst().orElseThrow();
    withinTolerance.put("retention_rate_ci_low", (Double) withinTolerance.get("retention_rate_ci_low") + 1e-10);

    AgreementReport report = agreement.compare("retention", "duckdb", duck, "altered", altered);
    assertEquals(1, report.mismatches().size(), report.toString());
    assertEquals("retention_rate", report.mismatches().get(0).column());
    assertEquals(1, report.missingRows().size(), report.toString());
    assertEquals("duckdb", report.missingRows().get(0).presentIn());
  }
}
