package org.iopoutcomes.publish.dashboard;

import static org.iopoutcomes.publish.dashboard.Html.escape;

import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.publish.dashboard.DashboardSnapshot.QuarantineCount;

/**
 * The data quality of the run the page shows: rows read, accepted and quarantined per input file
 * (from the run log), and quarantined rows per file and rule (counted in the lake: no quarantined
 * record reaches the page).
 */
final class DataQualitySection {

  private final DashboardSnapshot snapshot;
  private final Figures figures;

  DataQualitySection(DashboardSnapshot snapshot, Figures figures) {
    this.snapshot = snapshot;
    this.figures = figures;
  }

  void appendTo(StringBuilder page) {
    page.append("<section id=\"quarantine\"><h2>Data quality of this run</h2><p class=\"note\">Rows of the run's input"
        + " files that broke a rule of the data contract were quarantined (kept aside, not counted in any figure above)."
        + " A row that broke several rules counts under each of them.</p>");
    page.append("<table id=\"files\"><caption>Rows per input file</caption><thead><tr><th scope=\"col\">File</th>"
        + "<th scope=\"col\">Entity</th><th scope=\"col\" class=\"n\">Read</th><th scope=\"col\" class=\"n\">Accepted</th>"
        + "<th scope=\"col\" class=\"n\">Quarantined</th><th scope=\"col\" class=\"n\">Share quarantined</th></tr></thead><tbody>");
    for (FileCount file : snapshot.files()) {
      page.append("<tr><td>").append(escape(fileName(file.sourceFile()))).append("</td><td>").append(escape(file.entity()))
          .append("</td><td class=\"n\">").append(figures.count(file.rowsRead())).append("</td><td class=\"n\">")
          .append(figures.count(file.rowsAccepted())).append("</td><td class=\"n\" data-file=\"")
          .append(escape(fileName(file.sourceFile()))).append("\" data-quarantined=\"").append(file.rowsQuarantined())
          .append("\">").append(figures.count(file.rowsQuarantined())).append("</td><td class=\"n\">")
          .append(file.rowsRead() == 0 ? Figures.UNDEFINED : figures.rate((double) file.rowsQuarantined() / file.rowsRead()))
          .append("</td></tr>");
    }
    page.append("</tbody></table>");
    page.append("<table id=\"rules\"><caption>Quarantined rows by rule</caption><thead><tr><th scope=\"col\">File</th>"
        + "<th scope=\"col\">Rule</th><th scope=\"col\" class=\"n\">Rows</th></tr></thead><tbody>");
    if (snapshot.quarantined().isEmpty()) {
      page.append("<tr><td colspan=\"3\">No row was quarantined.</td></tr>");
    }
    for (QuarantineCount count : snapshot.quarantined()) {
      page.append("<tr><td>").append(escape(fileName(count.sourceFile()))).append("</td><td><code>")
          .append(escape(count.rule())).append("</code></td><td class=\"n\" data-rule=\"").append(escape(count.rule()))
          .append("\" data-file=\"").append(escape(fileName(count.sourceFile()))).append("\" data-rows=\"")
          .append(count.rows()).append("\">").append(figures.count(count.rows())).append("</td></tr>");
    }
    page.append("</tbody></table></section>");
  }

  private static String fileName(String path) {
    return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
  }
}
