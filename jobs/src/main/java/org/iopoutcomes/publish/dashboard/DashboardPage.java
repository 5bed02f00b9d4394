package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;
import static org.iopoutcomes.publish.dashboard.PageFigures.levelName;
import static org.iopoutcomes.publish.dashboard.PageFigures.with;

import java.util.Map;
import java.util.Optional;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.facts.Facts;

/**
 * The dashboard as one self-contained HTML page: no script, no external file, a content security
 * policy that forbids any request, inline SVG charts each followed by its table, and print styles.
 * Every figure taken from a view is written as
 * {@code <span class="fig" data-view="completion" data-row="level_of_care=all;…" data-column="…"
 * data-value="…">46.6%</span>}, so a test (or a reader of the source) can tie each number on the page
 * to its view row; a hidden one has {@code data-value="hidden"} and reads "&lt;11".
 *
 * <p>The page, top to bottom: the run and cut-off, headline tiles by level of care, trends by month
 * of admission ({@link TrendsSection}), completion, retention and cost per completion by program
 * component and by payment source ({@link BreakdownSection}), who pays ({@link WhoPaysSection}), the
 * run's quarantine ({@link DataQualitySection}) and how to read the page.
 */
public final class DashboardPage {

  private final DashboardSnapshot snapshot;
  private final String level;
  private final PageFigures parts;
  private final Figures figures;

  /** A page for the snapshot, with the component and payer breakdowns for one level of care (or all). */
  public DashboardPage(DashboardSnapshot snapshot, Contract contract, String levelOfCare) {
    requireLevelOfCare(contract, levelOfCare);
    this.snapshot = snapshot;
    this.level = levelOfCare;
    this.parts = new PageFigures(contract, snapshot.minCellSize());
    this.figures = parts.figures();
  }

  /** Refuses a level of care the contract does not know (all is every level). */
  public static void requireLevelOfCare(Contract contract, String levelOfCare) {
    if (!levelOfCare.equals(Facts.ALL) && !contract.codes("level_of_care").contains(levelOfCare)) {
      throw new IllegalArgumentException("no level of care '" + levelOfCare + "' (levels: all, "
          + String.join(", ", contract.codes("level_of_care")) + ")");
    }
  }

  public String html() {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';")
        .append(" img-src data:; base-uri 'none'; form-action 'none'\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Treatment outcomes dashboard, as of ").append(snapshot.asOf()).append("</title>")
        .append("<style>").append(STYLE).append("</style></head><body>");
    header(page);
    headline(page);
    new TrendsSection(snapshot.view("trends"), snapshot.asOf(), parts).appendTo(page);
    BreakdownSection breakdown = new BreakdownSection(snapshot, level, parts);
    breakdown.appendTo(page, "program_component", "by-component", "By program component",
        "For a component: the episodes that attended at least one of its sessions (an episode counts under every"
            + " component it attended). Cost per completion counts only the cost of that component's sessions.");
    breakdown.appendTo(page, "payment_source", "by-payer", "By payment source",
        "The episode's primary source of payment.");
    new WhoPaysSection(snapshot.view("cost_by_payer"), level, parts).appendTo(page);
    new DataQualitySection(snapshot, figures).appendTo(page);
    legend(page);
    return page.append("</body></html>\n").toString();
  }

  private void header(StringBuilder page) {
    page.append("<header><h1>Treatment outcomes</h1><p class=\"run\">Cut-off date (as of) <strong id=\"as-of\">")
        .append(snapshot.asOf()).append("</strong> · run <code id=\"run-id\">").append(escape(snapshot.runId()))
        .append("</code>");
    if (snapshot.endedAt() != null) {
      page.append(" · finished ").append(snapshot.endedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
    }
    page.append(" · counts from 1 to ").append(snapshot.minCellSize() - 1).append(" are hidden and shown as <strong>")
        .append(escape(figures.hidden())).append("</strong></p>")
        .append("<nav><a href=\"#headline\">Headline</a> <a href=\"#trends\">Trends</a>")
        .append(" <a href=\"#by-component\">By component</a> <a href=\"#by-payer\">By payment source</a>")
        .append(" <a href=\"#cost-by-payer\">Who pays</a> <a href=\"#quarantine\">Data quality</a>")
        .append(" <a href=\"#reading\">How to read</a></nav></header>");
  }

  /** A tile per level of care (and all): episodes discharged, completion, 90-day retention, cost per completion. */
  private void headline(StringBuilder page) {
    ViewRows completion = snapshot.view("completion");
    ViewRows retention = snapshot.view("retention");
    ViewRows costs = snapshot.view("cost_per_outcome");
    page.append("<section id=\"headline\"><h2>Headline by level of care</h2>")
        .append("<p class=\"note\">Discharged episodes up to the cut-off, all program components and payment sources."
            + " Intervals are 95%.</p><div class=\"tiles\">");
    for (String levelOfCare : parts.ordered(completion.values("level_of_care"), "level_of_care")) {
      String[] cell = {"level_of_care", levelOfCare, "program_component", Facts.ALL, "payment_source", Facts.ALL};
      Optional<Map<String, Object>> done = completion.row(cell);
      if (done.isEmpty()) {
        continue;
      }
      page.append("<article class=\"tile\"><h3>").append(escape(levelName(levelOfCare))).append("</h3><dl>");
      tileFigure(page, "Episodes discharged", completion, done.get(), "episodes_discharged", false);
      tileFigure(page, "Completion rate", completion, done.get(), "completion_rate", true);
      retention.row(with(cell, "window_days", BreakdownSection.WINDOW)).ifPresent(
          row -> tileFigure(page, "Retained at 90 days", retention, row, "retention_rate", true));
      costs.row(cell).ifPresent(row -> tileFigure(page, "Cost per completion", costs, row, "cost_per_completion", true));
      page.append("</dl></article>");
    }
    page.append("</div></section>");
  }

  private void tileFigure(StringBuilder page, String name, ViewRows view, Map<String, Object> row, String column,
      boolean interval) {
    page.append("<dt>").append(escape(name)).append("</dt><dd><span class=\"big\">")
        .append(parts.fig(view, row, column)).append("</span>");
    if (interval) {
      page.append(" <span class=\"ci\">").append(parts.intervalText(view, row, column)).append("</span>");
    }
    page.append("</dd>");
  }

  private void legend(StringBuilder page) {
    page.append("<section id=\"reading\"><h2>How to read this page</h2><ul>")
        .append("<li><strong>").append(escape(figures.hidden())).append("</strong>: hidden. The count is between 1 and ")
        .append(snapshot.minCellSize() - 1).append(", or it is hidden so that such a count cannot be worked out by"
            + " subtracting shown figures from a total; rates and costs computed from a hidden count are hidden too.</li>")
        .append("<li><strong>").append(Figures.UNDEFINED).append("</strong>: not defined (no episode in the"
            + " denominator, or too few episodes for an interval).</li>")
        .append("<li><strong>95% CI</strong>: Wilson score interval for rates; for costs per outcome a delta-method"
            + " interval of the ratio. Intervals that overlap widely do not show a difference.</li>")
        .append("<li>Completion counts discharged episodes; retention at 90 days counts episodes completed or in care"
            + " 90 days or more among those observed that long.</li>")
        .append("<li>Source: the dashboard views of the lake (small counts already hidden) as run <code>")
        .append(escape(snapshot.runId())).append("</code> left them, and its run log.</li></ul></section>");
  }

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;
        margin:0 auto;max-width:1100px;padding:0 16px 40px;line-height:1.4}
      h1{margin:16px 0 4px}h2{border-bottom:2px solid #111;padding-bottom:2px;margin-top:32px}
      .run{margin:0 0 8px}nav a{margin-right:12px;color:#111}
      .note{color:#333;font-size:14px;max-width:820px}
      .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:12px}
      .tile{border:1px solid #111;padding:8px 12px;break-inside:avoid}
      .tile h3{margin:0 0 6px;font-size:16px}.tile dl{margin:0}.tile dt{font-size:13px;color:#333;margin-top:6px}
      .tile dd{margin:0}.big{font-size:22px;font-weight:600}.ci{font-size:12px;color:#333}
      .hidden{font-style:italic;text-decoration:underline dotted}
      figure{margin:12px 0;break-inside:avoid}figcaption{font-size:13px;color:#333}
      svg.chart{max-width:100%;height:auto;font-family:inherit}
      table{border-collapse:collapse;margin:8px 0;font-size:13px;break-inside:auto}
      caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}td.n,th.n{text-align:right}
      summary{cursor:pointer;font-weight:600;font-size:14px}
      @media print{nav{display:none}body{max-width:none}section{break-before:auto}
        details>summary{list-style:none}h2{break-after:avoid}figure,.tile,tr{break-inside:avoid}}
      """;
}
