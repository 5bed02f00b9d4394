package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;
import static org.iopoutcomes.publish.dashboard.Html.label;
import static org.iopoutcomes.publish.dashboard.PageFigures.levelName;
import static org.iopoutcomes.publish.dashboard.PageFigures.with;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.publish.dashboard.SvgCharts.Item;

/**
 * Completion, 90-day retention and cost per completion by one dimension of the cube (program
 * component or payment source) within one level of care, the other dimension rolled up: a
 * dot-and-whisker chart per measure, then the tables of the completion, retention and cost per
 * outcome views' rows.
 */
final class BreakdownSection {

  /** Retention window of the breakdowns, in days (metrics.md's 90-day retention). */
  static final String WINDOW = "90";

  private final ViewRows completion;
  private final ViewRows retention;
  private final ViewRows costs;
  private final String level;
  private final PageFigures parts;

  BreakdownSection(DashboardSnapshot snapshot, String level, PageFigures parts) {
    this.completion = snapshot.view("completion");
    this.retention = snapshot.view("retention");
    this.costs = snapshot.view("cost_per_outcome");
    this.level = level;
    this.parts = parts;
  }

  void appendTo(StringBuilder page, String dimension, String id, String heading, String note) {
    String other = dimension.equals("program_component") ? "payment_source" : "program_component";
    List<String> values = parts.ordered(completion.where("level_of_care", level, other, Facts.ALL).stream()
        .map(r -> String.valueOf(r.get(dimension))).distinct().toList(), dimension);
    page.append("<section id=\"").append(id).append("\"><h2>").append(escape(heading)).append(", ")
        .append(escape(levelName(level).toLowerCase(Locale.ROOT))).append("</h2><p class=\"note\">")
        .append(escape(note)).append(" Dots are the measure, whiskers its 95% interval.</p>");
    Function<String, String[]> cell = value -> new String[] {"level_of_care", level, dimension, value, other, Facts.ALL};
    Function<String, Optional<Map<String, Object>>> completionOf = v -> completion.row(cell.apply(v));
    Function<String, Optional<Map<String, Object>>> retentionOf =
        v -> retention.row(with(cell.apply(v), "window_days", WINDOW));
    Function<String, Optional<Map<String, Object>>> costsOf = v -> costs.row(cell.apply(v));
    chart(page, id + "-completion", "Completion rate", completion, "completion_rate", values, completionOf);
    chart(page, id + "-retention", "Retained at 90 days", retention, "retention_rate", values, retentionOf);
    chart(page, id + "-cost", "Cost per completion", costs, "cost_per_completion", values, costsOf);
    String by = heading.toLowerCase(Locale.ROOT);
    parts.tableView(page, "Table: completion " + by, completion,
        parts.columns("completion", "episodes_discharged", "episodes_completed", "completion_rate"),
        rows(values, completionOf), List.of(dimension));
    parts.tableView(page, "Table: retention at 90 days " + by, retention,
        parts.columns("retention", "episodes_eligible", "episodes_retained", "retention_rate"),
        rows(values, retentionOf), List.of(dimension));
    parts.tableView(page, "Table: cost per outcome " + by, costs,
        parts.columns("cost_per_outcome", "total_cost", "cost_per_episode", "cost_per_completion",
            "cost_per_retained_90"),
        rows(values, costsOf), List.of(dimension));
    page.append("</section>");
  }

  private void chart(StringBuilder page, String id, String title, ViewRows view, String column, List<String> values,
      Function<String, Optional<Map<String, Object>>> rowOf) {
    List<Item> items = new ArrayList<>();
    for (String value : values) {
      rowOf.apply(value).ifPresent(row -> items.add(parts.item(label(value), view, row, column)));
    }
    boolean money = column.startsWith("cost");
    page.append("<figure><figcaption>").append(escape(title)).append("</figcaption>")
        .append(SvgCharts.rows(id, title, items, money ? 0.0 : 1.0, false,
            v -> money ? parts.figures().money(BigDecimal.valueOf(v)) : String.format(Locale.US, "%.0f%%", v * 100)))
        .append("</figure>");
  }

  private static List<Map<String, Object>> rows(List<String> values,
      Function<String, Optional<Map<String, Object>>> rowOf) {
    return values.stream().map(rowOf).flatMap(Optional::stream).toList();
  }
}
