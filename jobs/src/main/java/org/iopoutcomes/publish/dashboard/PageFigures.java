package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;
import static org.iopoutcomes.publish.dashboard.Html.label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.publish.dashboard.SvgCharts.Item;

/**
 * The pieces every section of the page is made of: a view's figure in a span that names its view,
 * row and column; its interval; a chart item; a table view of rows. Every value written here comes
 * from a dashboard view, so a hidden one is always "&lt;11" and an undefined one "n/a".
 */
final class PageFigures {

  private final Contract contract;
  private final Figures figures;
  private final int minCellSize;

  PageFigures(Contract contract, int minCellSize) {
    this.contract = contract;
    this.figures = new Figures(minCellSize);
    this.minCellSize = minCellSize;
  }

  Figures figures() {
    return figures;
  }

  /** A figure of a view: its formatted value in a span that names the view, row and column. */
  String fig(ViewRows view, Map<String, Object> row, String column) {
    Object value = row.get(column);
    String dataValue;
    String text;
    boolean hidden = false;
    if (value != null) {
      dataValue = value.toString();
      text = plain(view, column, value);
    } else if (view.isHidden(row, column)) {
      dataValue = "hidden";
      text = figures.hidden();
      hidden = true;
    } else {
      dataValue = "null";
      text = Figures.UNDEFINED;
    }
    StringBuilder key = new StringBuilder();
    for (String k : view.schema().keys()) {
      key.append(key.length() == 0 ? "" : ";").append(k).append('=').append(row.get(k));
    }
    return "<span class=\"" + (hidden ? "fig hidden" : "fig") + "\" data-view=\"" + escape(view.table())
        + "\" data-row=\"" + escape(key.toString()) + "\" data-column=\"" + escape(column) + "\" data-value=\""
        + escape(dataValue) + "\""
        + (hidden ? " title=\"hidden: fewer than " + minCellSize + ", or would reveal such a count\"" : "")
        + ">" + escape(text) + "</span>";
  }

  /** "95% CI low–high"; empty when the value is hidden (it reads "<11" already) or has no interval. */
  String intervalText(ViewRows view, Map<String, Object> row, String column) {
    if (row.get(column) == null || row.get(column + "_ci_low") == null && row.get(column + "_ci_high") == null) {
      return "";
    }
    return "95% CI " + fig(view, row, column + "_ci_low") + "–" + fig(view, row, column + "_ci_high");
  }

  /** A chart row for the column: its value and interval, or the hidden mark, or undefined. */
  Item item(String name, ViewRows view, Map<String, Object> row, String column) {
    if (row.get(column) == null) {
      return new Item(name, null, null, null, null, view.isHidden(row, column) ? figures.hidden() : null);
    }
    Double low = number(row.get(column + "_ci_low"));
    Double high = number(row.get(column + "_ci_high"));
    String text = plain(view, column, row.get(column))
        + (low != null && high != null ? " (" + plain(view, column + "_ci_low", row.get(column + "_ci_low")) + "–"
            + plain(view, column + "_ci_high", row.get(column + "_ci_high")) + ")" : "");
    return new Item(name, number(row.get(column)), low, high, text, null);
  }

  /** The rows as a table under a caption: the label columns as row headers, then the figures. */
  void tableView(StringBuilder page, String caption, ViewRows view, List<TableColumn> columns,
      List<Map<String, Object>> rows, List<String> labels) {
    page.append("<details open class=\"table-view\"><summary>").append(escape(caption)).append("</summary><table><thead><tr>");
    for (String name : labels) {
      page.append("<th scope=\"col\">").append(escape(label(name))).append("</th>");
    }
    for (TableColumn column : columns) {
      page.append("<th scope=\"col\" class=\"n\">").append(escape(label(column.name()))).append("</th>");
    }
    page.append("</tr></thead><tbody>");
    for (Map<String, Object> row : rows) {
      page.append("<tr>");
      for (String name : labels) {
        String value = String.valueOf(row.get(name));
        page.append("<th scope=\"row\">").append(escape(name.equals("level_of_care") ? levelName(value) : label(value)))
            .append("</th>");
      }
      for (TableColumn column : columns) {
        page.append("<td class=\"n\">").append(fig(view, row, column.name()));
        if (view.schema().columnNames().contains(column.name() + "_ci_low")) {
          String interval = intervalText(view, row, column.name());
          if (!interval.isEmpty()) {
            page.append("<br><span class=\"ci\">").append(interval).append("</span>");
          }
        }
        page.append("</td>");
      }
      page.append("</tr>");
    }
    page.append("</tbody></table></details>");
  }

  /** The named columns of a table's schema, in the order given. */
  List<TableColumn> columns(String table, String... names) {
    List<TableColumn> columns = new ArrayList<>();
    for (String name : names) {
      columns.add(column(contract.table(table), name));
    }
    return columns;
  }

  /** The values with all first, then in the code list's order, then any others sorted. */
  List<String> ordered(List<String> values, String codeList) {
    List<String> ordered = new ArrayList<>();
    if (values.contains(Facts.ALL)) {
      ordered.add(Facts.ALL);
    }
    contract.codes(codeList).stream().filter(values::contains).forEach(ordered::add);
    values.stream().filter(v -> !ordered.contains(v)).sorted().forEach(ordered::add);
    return ordered;
  }

  private String plain(ViewRows view, String column, Object value) {
    return figures.format(column, column(view.schema(), column).type(), value);
  }

  private static TableColumn column(TableSchema table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(table.table() + " has no column " + name));
  }

  static String levelName(String levelOfCare) {
    return levelOfCare.equals(Facts.ALL) ? "All levels of care" : label(levelOfCare);
  }

  /** The cell's column-value pairs with one more pair. */
  static String[] with(String[] cell, String column, String value) {
    String[] extended = Arrays.copyOf(cell, cell.length + 2);
    extended[cell.length] = column;
    extended[cell.length + 1] = value;
    return extended;
  }

  static Double number(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
