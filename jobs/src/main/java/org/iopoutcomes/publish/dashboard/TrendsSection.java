package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;
import static org.iopoutcomes.publish.dashboard.PageFigures.levelName;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iopoutcomes.publish.dashboard.SvgCharts.Series;

/**
 * Trend lines of completion and 90-day retention by month of admission and level of care, from the
 * trends view, with the 95% interval of all levels as a band and the young cohorts hatched, then the
 * table of every month and level.
 */
final class TrendsSection {

  /** Months with admissions this recent are young cohorts (docs/decisions.md, trends). */
  static final int YOUNG_COHORT_DAYS = 90;

  private static final String[][] MEASURES = {{"completion_rate", "Completion rate"},
      {"retention_rate_90", "Retained at 90 days"}};

  private final ViewRows trends;
  private final LocalDate asOf;
  private final PageFigures parts;

  TrendsSection(ViewRows trends, LocalDate asOf, PageFigures parts) {
    this.trends = trends;
    this.asOf = asOf;
    this.parts = parts;
  }

  void appendTo(StringBuilder page) {
    List<String> months = trends.values("admission_month").stream().sorted().toList();
    List<String> levels = parts.ordered(trends.values("level_of_care"), "level_of_care");
    String hidden = escape(parts.figures().hidden());
    page.append("<section id=\"trends\"><h2>Trends by month of admission</h2><p class=\"note\">Each month is the cohort"
        + " of episodes admitted in it, followed to the cut-off. The grey band is the 95% interval of all levels together."
        + " Hatched: months with admissions less than ").append(YOUNG_COHORT_DAYS).append(" days before the cut-off,"
        + " whose episodes have not all had time to finish. A gap is a month whose value is hidden (" + hidden
        + ") or not defined.</p>");
    for (String[] measure : MEASURES) {
      List<Series> series = new ArrayList<>();
      for (String levelOfCare : levels) {
        series.add(series(measure[0], levelOfCare, months, series.isEmpty()));
      }
      page.append("<figure><figcaption>").append(escape(measure[1])).append(" by month of admission, by level of care"
          + "</figcaption>").append(SvgCharts.lines("trend-" + measure[0], measure[1] + " by month of admission", months,
          series, youngFrom(months, asOf), "young cohorts"));
      long shown = series.isEmpty() ? 0 : series.get(0).values().stream().filter(v -> v != null).count();
      if (shown * 2 < months.size()) {
        page.append("<p class=\"note\"><strong>Most months are hidden here</strong> (").append(hidden)
            .append("): the monthly cohorts are too small to show. The table below gives what can be shown.</p>");
      }
      page.append("</figure>");
    }
    parts.tableView(page, "Table: trends by month and level of care", trends,
        parts.columns("trends", "admissions", "episodes_discharged", "completion_rate", "episodes_eligible_90",
            "retention_rate_90", "cost_per_episode"),
        levels.stream().flatMap(l -> months.stream().map(m -> trends.row("admission_month", m, "level_of_care", l)))
            .flatMap(Optional::stream).toList(), List.of("admission_month", "level_of_care"));
    page.append("</section>");
  }

  /** One level's line of the measure over the months; the first line carries its interval as a band. */
  private Series series(String measure, String levelOfCare, List<String> months, boolean withInterval) {
    List<Double> values = new ArrayList<>();
    List<Double> lows = new ArrayList<>();
    List<Double> highs = new ArrayList<>();
    for (String month : months) {
      Optional<Map<String, Object>> row = trends.row("admission_month", month, "level_of_care", levelOfCare);
      values.add(row.map(r -> PageFigures.number(r.get(measure))).orElse(null));
      lows.add(row.map(r -> PageFigures.number(r.get(measure + "_ci_low"))).orElse(null));
      highs.add(row.map(r -> PageFigures.number(r.get(measure + "_ci_high"))).orElse(null));
    }
    return new Series(levelName(levelOfCare), values, withInterval ? lows : null, withInterval ? highs : null);
  }

  /**
   * The index of the first young month among the sorted months: the first whose last day is less
   * than {@link #YOUNG_COHORT_DAYS} before the cut-off, so that some of its admissions have not been
   * followed that long; the number of months when none is young or the cut-off is unknown.
   */
  static int youngFrom(List<String> months, LocalDate asOf) {
    for (int i = 0; asOf != null && i < months.size(); i++) {
      if (YearMonth.parse(months.get(i)).atEndOfMonth().isAfter(asOf.minusDays(YOUNG_COHORT_DAYS))) {
        return i;
      }
    }
    return months.size();
  }
}
