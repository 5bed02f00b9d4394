package org.iopoutcomes.publish.dashboard;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.privacy.SuppressedCells;
import org.iopoutcomes.publish.DashboardViews;
import org.iopoutcomes.publish.dashboard.DashboardSnapshot.QuarantineCount;
import org.junit.jupiter.api.Test;

/**
 * The page written from hand-made view rows, without Spark: a hidden count and what depends on it
 * read "&lt;threshold", an undefined rate "n/a", shown values are formatted from the view, and the
 * page asks for nothing outside itself. (DashboardBrowserTest opens a real lake's page in Chromium.)
 */
class DashboardPageTest {

  private static final Contract CONTRACT = Contract.load();
  private static final Pattern FIGURE = Pattern.compile(
      "<span class=\"(fig[^\"]*)\" data-view=\"([^\"]+)\" data-row=\"([^\"]+)\" data-column=\"([^\"]+)\""
          + " data-value=\"([^\"]+)\"[^>]*>([^<]*)</span>");

  @Test
  void aHiddenCountAndItsRateReadLessThanTheThresholdAndAnUndefinedRateNa() {
    String html = page(11);
    assertAll(
        () -> assertEquals("&lt;11", figure(html, "completion", "level_of_care=intensive_outpatient;program_component=all;"
            + "payment_source=all", "episodes_discharged"), "a hidden count"),
        () -> assertEquals("&lt;11", figure(html, "completion", "level_of_care=intensive_outpatient;program_component=all;"
            + "payment_source=all", "completion_rate"), "a rate of a hidden count"),
        () -> assertEquals("12", figure(html, "completion", "level_of_care=residential;program_component=all;"
            + "payment_source=all", "episodes_discharged"), "a count shown beside a hidden one"),
        () -> assertEquals("n/a", figure(html, "retention", "level_of_care=residential;program_component=all;"
            + "payment_source=all;window_days=90", "retention_rate"), "no episode eligible: undefined, not hidden"),
        () -> assertEquals("&lt;11", figure(html, "cost_by_payer", "payer=medicaid;level_of_care=all;cost_category=all",
            "amount"), "a hidden sum"));
  }

  @Test
  void everyHiddenFigureReadsTheThresholdInForceAndNoneIsANumberOrBlank() {
    for (int threshold : new int[] {11, 5}) {
      String html = page(threshold);
      Matcher figures = FIGURE.matcher(html);
      int hidden = 0;
      int all = 0;
      while (figures.find()) {
        all++;
        String text = figures.group(6);
        assertFalse(text.isBlank(), "a blank figure: " + figures.group());
        if (figures.group(5).equals("hidden")) {
          hidden++;
          assertEquals("&lt;" + threshold, text, figures.group());
          assertEquals("fig hidden", figures.group(1), figures.group());
        }
      }
      assertTrue(all > 20 && hidden >= 5, all + " figures, " + hidden + " hidden");
      assertTrue(html.contains("counts from 1 to " + (threshold - 1) + " are hidden"), "the threshold is stated");
    }
  }

  @Test
  void shownValuesAreTheViewsFormatted() {
    String html = page(11);
    String all = "level_of_care=all;program_component=all;payment_source=all";
    assertAll(
        () -> assertEquals("40", figure(html, "completion", all, "episodes_discharged")),
        () -> assertEquals("45.0%", figure(html, "completion", all, "completion_rate")),
        () -> assertEquals("30.3%", figure(html, "completion", all, "completion_rate_ci_low")),
        () -> assertEquals("$686", figure(html, "cost_per_outcome", all, "cost_per_completion")),
        () -> assertEquals("$12,346", figure(html, "cost_per_outcome", all, "total_cost")),
        () -> assertEquals("80.0%", figure(html, "cost_by_payer", "payer=private_insurance;level_of_care=all;"
            + "cost_category=all", "share_of_total")),
        () -> assertTrue(html.contains("data-rule=\"level_of_care.code\" data-file=\"episodes.csv\" data-rows=\"3\">3<"),
            "quarantined rows by rule"),
        () -> assertTrue(html.contains("<strong id=\"as-of\">2026-06-30</strong>"), "the cut-off"),
        () -> assertTrue(html.contains("<code id=\"run-id\">run-7</code>"), "the run"));
  }

  @Test
  void thePageAsksForNothingOutsideItself() {
    String html = page(11);
    assertAll(
        () -> assertFalse(html.contains("<script"), "no script"),
        () -> assertFalse(Pattern.compile("\\b(src|href)=\"(?!#)").matcher(html).find(),
            "no link but to the page's own anchors"),
        () -> assertFalse(html.contains("url(http") || html.contains("@import"), "no style from elsewhere"),
        () -> assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"), "a policy forbidding requests"),
        () -> assertTrue(html.contains("@media print"), "print styles"));
  }

  @Test
  void eachChartIsFollowedByItsTable() {
    String html = page(11);
    assertEquals(count(html, "<svg"), count(html, "<figure>"), "every figure holds one chart");
    assertTrue(count(html, "<details open class=\"table-view\">") >= 8, "table views");
  }

  @Test
  void monthsWithAdmissionsUnder90DaysBeforeTheCutOffAreYoung() {
    List<String> months = List.of("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
    assertAll(
        () -> assertEquals(3, TrendsSection.youngFrom(months, LocalDate.parse("2026-06-30")),
            "April's last admissions are 61 days before 30 June"),
        () -> assertEquals(4, TrendsSection.youngFrom(months, LocalDate.parse("2026-07-30")),
            "30 April is exactly 91 days before 30 July: April has had its 90 days"),
        () -> assertEquals(6, TrendsSection.youngFrom(months, LocalDate.parse("2027-01-01"))),
        () -> assertEquals(6, TrendsSection.youngFrom(months, null), "no cut-off: none marked"));
  }

  @Test
  void anUnknownLevelOfCareIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new DashboardPage(snapshot(11), CONTRACT, "day_spa"));
    assertTrue(refused.getMessage().contains("day_spa") && refused.getMessage().contains("intensive_outpatient"),
        refused.getMessage());
  }

  // ---- The views of a small lake, as the suppression would leave them ------------------------

  private static String page(int threshold) {
    return new DashboardPage(snapshot(threshold), CONTRACT, "all").html();
  }

  private static DashboardSnapshot snapshot(int threshold) {
    Map<String, ViewRows> views = new LinkedHashMap<>();
    for (String table : DashboardViews.dashboardTables(CONTRACT)) {
      views.put(table, new ViewRows(CONTRACT.table(table), List.of()));
    }
    String[] allCell = {"level_of_care", "all", "program_component", "all", "payment_source", "all"};
    String[] iop = {"level_of_care", "intensive_outpatient", "program_component", "all", "payment_source", "all"};
    String[] residential = {"level_of_care", "residential", "program_component", "all", "payment_source", "all"};
    String[] group = {"level_of_care", "all", "program_component", "group_therapy", "payment_source", "all"};
    String[] medicaid = {"level_of_care", "all", "program_component", "all", "payment_source", "medicaid"};
    views.put("completion", view("completion", threshold,
        row(allCell, false, "episodes_discharged", 40L, "episodes_completed", 18L, "completion_rate", 0.45,
            "completion_rate_ci_low", 0.3029, "completion_rate_ci_high", 0.6069),
        row(iop, true),
        row(residential, true, "episodes_discharged", 12L),
        row(group, false, "episodes_discharged", 20L, "episodes_completed", 11L, "completion_rate", 0.55),
        row(medicaid, true)));
    views.put("retention", view("retention", threshold,
        row(PageFigures.with(allCell, "window_days", "90"), false, "episodes_eligible", 30L, "episodes_retained", 15L,
            "retention_rate", 0.5),
        row(PageFigures.with(iop, "window_days", "90"), true),
        row(PageFigures.with(residential, "window_days", "90"), false, "episodes_eligible", 0L, "episodes_retained", 0L)));
    views.put("cost_per_outcome", view("cost_per_outcome", threshold,
        row(allCell, false, "episodes_discharged", 40L, "episodes_completed", 18L, "total_cost",
            new BigDecimal("12345.67"), "cost_per_completion", new BigDecimal("685.87")),
        row(iop, true)));
    views.put("trends", view("trends", threshold,
        row(new String[] {"admission_month", "2026-04", "level_of_care", "all"}, false, "admissions", 14L,
            "completion_rate", 0.5),
        row(new String[] {"admission_month", "2026-05", "level_of_care", "all"}, true),
        row(new String[] {"admission_month", "2026-05", "level_of_care", "intensive_outpatient"}, true)));
    String[] payerAll = {"level_of_care", "all", "cost_category", "all"};
    views.put("cost_by_payer", view("cost_by_payer", threshold,
        row(concat(new String[] {"payer", "private_insurance"}, payerAll), false, "amount", new BigDecimal("1000.00"),
            "charges", 20L, "episodes", 12L, "share_of_total", 0.8),
        row(concat(new String[] {"payer", "medicaid"}, payerAll), true, "charges", 14L),
        row(concat(new String[] {"payer", "all"}, payerAll), false, "amount", new BigDecimal("1250.00"),
            "charges", 34L, "episodes", 19L, "share_of_total", 1.0)));
    List<FileCount> files = List.of(new FileCount("b1", "episodes", "/in/b1/episodes.csv", "csv", 43, 40, 3));
    List<QuarantineCount> quarantined = List.of(new QuarantineCount("episodes", "/in/b1/episodes.csv",
        "level_of_care.code", 3));
    return new DashboardSnapshot("run-7", LocalDate.parse("2026-06-30"), Instant.parse("2026-07-01T02:00:00Z"),
        views, files, quarantined);
  }

  /** A view row: the key columns, every other column null unless given, then suppressed and the threshold. */
  private static Map<String, Object> row(String[] key, boolean suppressed, Object... values) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < key.length; i += 2) {
      row.put(key[i], key[i + 1]);
    }
    for (int i = 0; i < values.length; i += 2) {
      row.put((String) values[i], values[i + 1]);
    }
    row.put(SuppressedCells.SUPPRESSED, suppressed);
    return row;
  }

  @SafeVarargs
  private static ViewRows view(String table, int threshold, Map<String, Object>... rows) {
    List<Map<String, Object>> complete = new ArrayList<>();
    for (Map<String, Object> given : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (TableColumn column : CONTRACT.table(table).columns()) {
        row.put(column.name(), given.get(column.name()));
      }
      row.put(SuppressedCells.SUPPRESSED, given.get(SuppressedCells.SUPPRESSED));
      row.put(SuppressedCells.MIN_CELL_SIZE, threshold);
      complete.add(row);
    }
    return new ViewRows(CONTRACT.table(table), complete);
  }

  private static String figure(String html, String view, String row, String column) {
    Matcher figures = FIGURE.matcher(html);
    while (figures.find()) {
      if (figures.group(2).equals(view) && figures.group(3).equals(row) && figures.group(4).equals(column)) {
        return figures.group(6);
      }
    }
    throw new AssertionError("no figure of " + view + " [" + row + "] " + column + " on the page");
  }

  private static int count(String html, String text) {
    return html.split(Pattern.quote(text), -1).length - 1;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] both = new String[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
