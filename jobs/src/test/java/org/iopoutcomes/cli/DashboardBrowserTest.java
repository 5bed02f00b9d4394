package org.iopoutcomes.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SampleLake;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.browser.HeadlessChromium;
import org.iopoutcomes.browser.HeadlessChromium.LogEntry;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.DashboardViews;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code outcomes dashboard} on the shared sample lake, opened from the file system in headless
 * chromium: the page logs no console message of level error and the browser sends no request but
 * for the page itself; every figure on it equals its dashboard view's value (hidden ones read
 * "&lt;11" where the view holds null in a suppressed row). A screenshot and a PDF print are kept in
 * {@code target/browser-artifacts/}. Needs Debian's chromium and chromium-driver (.ci/run installs
 * them); without them the test is skipped locally and fails under CI=true.
 */
class DashboardBrowserTest {

  private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

  private static Path lake;
  private static Path page;

  @BeforeAll
  static void writeDashboard() {
    if (!HeadlessChromium.installed()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("CI=true but " + HeadlessChromium.CHROMIUM + " or " + HeadlessChromium.CHROMEDRIVER
            + " is missing: .ci/run installs Debian's chromium and chromium-driver");
      }
      Assumptions.abort("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }
    lake = SampleLake.get();
    Path out = SparkTestSession.tempDir("dashboard");
    CliRun run = CliRun.of("dashboard", "--lake", lake.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    page = out.resolve("index.html");
    assertTrue(Files.isRegularFile(page), run.out());
  }

  @Test
  void opensWithoutErrorsOrRequestsAndShowsTheViewsFigures() throws IOException {
    Contract contract = Contract.load();
    Lake tables = new Lake(SparkTestSession.get(), lake.toString());
    try (HeadlessChromium browser = new HeadlessChromium(1280, 1000)) {
      browser.open(page.toUri());
      JsonNode figures = browser.script("return Array.from(document.querySelectorAll('span.fig')).map(e =>"
          + " [e.dataset.view, e.dataset.row, e.dataset.column, e.dataset.value, e.textContent]);");
      JsonNode tiles = browser.script("return document.querySelectorAll('article.tile').length;");
      JsonNode resources = browser.script("return performance.getEntriesByType('resource').map(r => r.name);");
      JsonNode rules = browser.script("return Array.from(document.querySelectorAll('td[data-rule]')).map(e =>"
          + " [e.dataset.file, e.dataset.rule, e.dataset.rows, e.textContent]);");
      int height = browser.script("return document.documentElement.scrollHeight;").asInt();
      browser.resize(1280, Math.min(height + 200, 16000));
      Files.createDirectories(ARTIFACTS);
      Files.write(ARTIFACTS.resolve("dashboard.png"), browser.screenshot());
      byte[] pdf = browser.printToPdf();
      Files.write(ARTIFACTS.resolve("dashboard.pdf"), pdf);
      Files.copy(page, ARTIFACTS.resolve("dashboard.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      List<LogEntry> errors = browser.log("browser").stream().filter(e -> e.level().equals("SEVERE")).toList();
      assertEquals(List.of(), errors, "console errors");
      List<String> requests = browser.requestedUrls().stream().filter(url -> !isThePage(url)).toList();
      assertEquals(List.of(), requests, "requests other than the page itself");
      assertEquals(0, resources.size(), "resources loaded by the page: " + resources);
      assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"), "a PDF print");

      assertFiguresEqualTheViews(contract, tables, figures);
      long levels = tables.read(tables.dashboard("completion"))
          .filter("program_component = 'all' AND payment_source = 'all'").count();
      assertEquals(levels, tiles.asLong(), "one headline tile per level of care (and all)");
      assertRulesEqualTheQuarantine(tables, rules);
    }
  }

  private static boolean isThePage(String url) {
    return url.startsWith("file:") && Path.of(java.net.URI.create(url)).equals(page.toAbsolutePath());
  }

  private static void assertFiguresEqualTheViews(Contract contract, Lake tables, JsonNode figures) {
    Map<String, Map<String, Row>> rowsByView = new HashMap<>();
    for (String table : DashboardViews.dashboardTables(contract)) {
      Map<String, Row> byKey = new HashMap<>();
      for (Row row : tables.read(tables.dashboard(table)).collectAsList()) {
        byKey.put(key(contract.table(table), row), row);
      }
      rowsByView.put(table, byKey);
    }
    int hidden = 0;
    int undefined = 0;
    List<String> mismatches = new ArrayList<>();
    for (JsonNode figure : figures) {
      String view = figure.get(0).asText();
      String column = figure.get(2).asText();
      String shown = figure.get(4).asText();
      Row row = rowsByView.get(view).get(figure.get(1).asText());
      assertNotNull(row, "no row " + figure.get(1).asText() + " in the " + view + " view");
      Object value = row.getAs(column);
      String where = view + " [" + figure.get(1).asText() + "] " + column + ": page shows '" + shown + "', view holds "
          + value;
      if (value == null) {
        boolean suppressed = row.<Boolean>getAs("suppressed");
        if (shown.equals("<" + row.<Integer>getAs("min_cell_size"))) {
          hidden++;
          if (!suppressed) {
            mismatches.add(where + " (hidden in a row that is not suppressed)");
          }
        } else if (shown.equals("n/a")) {
          undefined++;
        } else {
          mismatches.add(where);
        }
        continue;
      }
      if (!matches(typeOf(contract.table(view), column), shown, value)) {
        mismatches.add(where);
      }
    }
    assertEquals(List.of(), mismatches, "figures that differ from their view");
    assertTrue(figures.size() > 300, "figures on the page: " + figures.size());
    assertTrue(hidden > 0, "the sample has hidden cells; the page must show some as <11");
    assertTrue(undefined > 0, "the sample has undefined rates (n/a)");
  }

  /** Whether the page's text is the value as the page writes it: counts exactly, rates to 0.1%, money to $1. */
  private static boolean matches(String type, String shown, Object value) {
    String digits = shown.replace(",", "").replace("$", "").replace("−", "-").replace("%", "");
    if (type.startsWith("decimal")) {
      return shown.contains("$") && Math.abs(Double.parseDouble(digits) - ((BigDecimal) value).doubleValue()) <= 0.5;
    }
    if (type.equals("bigint") || type.equals("int")) {
      return Long.parseLong(digits) == ((Number) value).longValue();
    }
    double number = ((Number) value).doubleValue();
    return shown.endsWith("%") ? Math.abs(Double.parseDouble(digits) / 100 - number) <= 0.0005 + 1e-12
        : Math.abs(Double.parseDouble(digits) - number) <= 0.05 + 1e-12;
  }

  private static void assertRulesEqualTheQuarantine(Lake tables, JsonNode rules) {
    String runId = tables.read(tables.runLog()).filter("status = 'succeeded'").orderBy(col("ended_at").desc())
        .first().getString(0);
    Map<String, Long> expected = tables.read(tables.quarantine()).filter(col("run_id").equalTo(runId))
        .select(col("source_file"), explode(col("broken_rules")).as("rule")).collectAsList().stream()
        .collect(Collectors.groupingBy(r -> fileName(r.getString(0)) + " " + r.getString(1), Collectors.counting()));
    Map<String, Long> shown = new HashMap<>();
    for (JsonNode rule : rules) {
      shown.put(rule.get(0).asText() + " " + rule.get(1).asText(), Long.parseLong(rule.get(3).asText().replace(",", "")));
    }
    assertFalse(expected.isEmpty(), "the sample has quarantined rows");
    assertEquals(expected, shown, "quarantined rows by file and rule");
  }

  private static String key(TableSchema schema, Row row) {
    return schema.keys().stream().map(k -> k + "=" + row.getAs(k)).collect(Collectors.joining(";"));
  }

  private static String typeOf(TableSchema schema, String column) {
    return schema.columns().stream().filter(c -> c.name().equals(column)).map(TableColumn::type).findFirst()
        .orElseThrow();
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
