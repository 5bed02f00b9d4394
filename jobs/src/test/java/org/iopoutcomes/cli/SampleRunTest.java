package org.iopoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SampleLake;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.CsvLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line end to end on the sample batch: {@code outcomes run}, then {@code outcomes export}
 * of every gold table, compared with the expected tables in {@code src/test/resources/expected/},
 * which an independent implementation of metrics.md (tools/reference) computed from the same files.
 * Counts and money must match exactly, rates within 1e-9. The reference computes the columns it can
 * reproduce (of level_of_care_comparison, all but the bootstrap intervals); only those are compared.
 * (The research statistics are also checked against published reference values in their own tests.)
 */
class SampleRunTest {

  private static final Path SAMPLE = Path.of("..", "data-samples", "sample");
  private static final Path EXPECTED = Path.of("src", "test", "resources", "expected");

  @ParameterizedTest(name = "as of {0}")
  @CsvSource({"default, sample", "2026-03-31, sample-2026-03-31"})
  void goldTablesMatchTheIndependentComputation(String asOf, String expectedFolder) throws IOException {
    Path lake;
    if (asOf.equals("default")) {
      lake = SampleLake.get();
      assertTrue(SampleLake.runOutput().contains("Summary as of"), SampleLake.runOutput());
    } else {
      lake = SparkTestSession.tempDir("sample-lake");
      CliRun run = CliRun.of("run", "--input", SAMPLE.toString(), "--lake", lake.toString(), "--as-of", asOf);
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("Summary as of"), run.out());
    }
    Path exports = SparkTestSession.tempDir("sample-exports");

    Path expected = EXPECTED.resolve(expectedFolder);
    List<String> checked = Contract.load().goldTableNames().stream()
        .filter(table -> Files.exists(expected.resolve(table + ".csv"))).toList();
    assertEquals(List.of("completion", "retention", "attendance", "cost_per_outcome", "cost_by_payer", "trends",
        "engagement", "level_of_care_comparison"), checked, "the tables the reference implementation computes");
    for (String table : checked) {
      Path exported = exports.resolve(table + ".csv");
      CliRun export = CliRun.of("export", "--lake", lake.toString(), "--table", table, "--out", exported.toString());
      assertEquals(0, export.exitCode(), export.err());
      DataFrameAssertions.assertSameRows(readCsv(expected.resolve(table + ".csv"), table),
          readCsv(exported, table).drop("run_id"), 1e-9);
    }
    assertQuarantineMatches(lake, exports, expected);
  }

  /** Every file: rows read, accepted and quarantined as the reference counted them. */
  private static void assertQuarantineMatches(Path lake, Path exports, Path expected) throws IOException {
    Path exported = exports.resolve("run_log.csv");
    assertEquals(0, CliRun.of("export", "--lake", lake.toString(), "--table", "quarantine",
        "--out", exports.resolve("quarantine.csv").toString()).exitCode());
    Map<String, Long> quarantinedByFile = Files.readAllLines(exports.resolve("quarantine.csv")).stream().skip(1)
        .map(line -> CsvLine.parse(line).fields().get(2))
        .collect(Collectors.groupingBy(SampleRunTest::fileName, Collectors.counting()));
    Map<String, Long> expectedByFile = new HashMap<>();
    for (String line : Files.readAllLines(expected.resolve("rejections.csv")).stream().skip(1).toList()) {
      List<String> fields = CsvLine.parse(line).fields();
      if (Long.parseLong(fields.get(3)) > 0) {
        expectedByFile.put(fields.get(0), Long.parseLong(fields.get(3)));
      }
    }
    assertEquals(expectedByFile, quarantinedByFile, "rows quarantined per file");
    assertEquals(0, CliRun.of("export", "--lake", lake.toString(), "--table", "run_log",
        "--out", exported.toString()).exitCode());
    assertTrue(Files.readString(exported).contains("succeeded"));
  }

  /** A CSV file read with the gold table's schema (as_of and run_id where the file has them). */
  private static Dataset<Row> readCsv(Path file, String table) throws IOException {
    SparkSession spark = SparkTestSession.get();
    StructType schema = Contract.load().table(table).sparkSchema();
    List<String> header = CsvLine.parse(Files.readAllLines(file).get(0)).fields();
    StructType fileSchema = new StructType(header.stream()
        .map(name -> schema.apply(name))
        .toArray(StructField[]::new));
    return spark.read().option("header", "true").schema(fileSchema).csv(file.toString())
        .select(schema.fieldNames()[0], java.util.Arrays.stream(schema.fieldNames()).skip(1)
            .filter(header::contains).filter(c -> !c.equals("run_id")).toArray(String[]::new));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
