package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;
import static org.iopoutcomes.publish.dashboard.Html.label;
import static org.iopoutcomes.publish.dashboard.PageFigures.levelName;
import static org.iopoutcomes.publish.dashboard.PageFigures.number;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.publish.dashboard.SvgCharts.Item;

/**
 * Who pays: every charge up to the cut-off by the payer of the charge, within one level of care, all
 * cost categories, from the cost_by_payer view: a bar per payer with its amount and share, then the
 * table with the total.
 */
final class WhoPaysSection {

  private final ViewRows payers;
  private final String level;
  private final PageFigures parts;

  WhoPaysSection(ViewRows payers, String level, PageFigures parts) {
    this.payers = payers;
    this.level = level;
    this.parts = parts;
  }

  void appendTo(StringBuilder page) {
    Figures figures = parts.figures();
    List<String> names = parts.ordered(payers.where("level_of_care", level, "cost_category", Facts.ALL).stream()
        .map(r -> String.valueOf(r.get("payer"))).filter(p -> !p.equals(Facts.ALL)).distinct().toList(),
        "payment_source");
    List<Item> items = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String payer : names) {
      Map<String, Object> row = payers.row("payer", payer, "level_of_care", level, "cost_category", Facts.ALL)
          .orElseThrow();
      rows.add(row);
      if (row.get("amount") == null) {
        items.add(new Item(label(payer), null, null, null, null,
            payers.isHidden(row, "amount") ? figures.hidden() : null));
      } else {
        String share = row.get("share_of_total") == null ? "" : " (" + figures.rate(row.get("share_of_total")) + ")";
        items.add(new Item(label(payer), number(row.get("amount")), null, null,
            figures.money(row.get("amount")) + share, null));
      }
    }
    payers.row("payer", Facts.ALL, "level_of_care", level, "cost_category", Facts.ALL).ifPresent(rows::add);
    page.append("<section id=\"cost-by-payer\"><h2>Who pays, ").append(escape(levelName(level).toLowerCase(Locale.ROOT)))
        .append("</h2><p class=\"note\">Every charge up to the cut-off by the payer of the charge (not the episode's"
            + " primary source), with its share of the total.</p><figure><figcaption>Amount charged by payer</figcaption>")
        .append(SvgCharts.rows("cost-by-payer-chart", "Amount charged by payer", items, 0, true,
            v -> figures.money(BigDecimal.valueOf(v))))
        .append("</figure>");
    parts.tableView(page, "Table: amount charged by payer", payers,
        parts.columns("cost_by_payer", "amount", "share_of_total", "charges", "episodes"), rows, List.of("payer"));
    page.append("</section>");
  }
}
