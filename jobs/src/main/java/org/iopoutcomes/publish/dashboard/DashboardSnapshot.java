package org.iopoutcomes.publish.dashboard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.DashboardViews;
import org.iopoutcomes.publish.RunLog;

/**
 * What the dashboard shows, read from a lake as the last succeeded run left it: every dashboard view
 * (small counts already hidden), that run's id, cut-off and per-file counts from the run log, and its
 * quarantined rows counted by file and rule. Nothing person-level leaves the lake: the quarantine is
 * aggregated in Spark and only counts of records reach the page.
 *
 * @param views the dashboard views by table, in the contract's order
 * @param files rows read, accepted and quarantined per input file of the run
 * @param quarantined rows quarantined per file and rule; a row that broke several rules counts under each
 */
public record DashboardSnapshot(String runId, LocalDate asOf, Instant endedAt, Map<String, ViewRows> views,
    List<FileCount> files, List<QuarantineCount> quarantined) {

  /** Quarantined rows of one file that broke one rule. */
  public record QuarantineCount(String entity, String sourceFile, String rule, long rows) {}

  public ViewRows view(String table) {
    ViewRows view = views.get(table);
    if (view == null) {
      throw new IllegalArgumentException("the dashboard needs the " + table + " view, which the lake lacks");
    }
    return view;
  }

  /** The smallest count the views show (counts below it are hidden). */
  public int minCellSize() {
    return views.values().stream().mapToInt(ViewRows::minCellSize).max().orElse(0);
  }

  /** Reads the snapshot of the last succeeded run; fails with a clear message when there is none. */
  public static DashboardSnapshot read(SparkSession spark, Lake lake, Contract contract) {
    if (!lake.exists(lake.runLog())) {
      throw new Lake.LakeException(lake.root() + ": no run log; run 'outcomes run' first");
    }
    RunLog.Succeeded run = new RunLog(spark, lake, contract).lastSucceeded().orElseThrow(() ->
        new Lake.LakeException(lake.root() + ": no run has succeeded yet; run 'outcomes run' first"));
    Map<String, Long> versions = run.tableVersions();

    Map<String, ViewRows> views = new LinkedHashMap<>();
    for (String table : DashboardViews.dashboardTables(contract)) {
      Long version = versions.get("dashboard_" + table);
      if (version == null) {
        throw new Lake.LakeException(lake.root() + ": the last succeeded run wrote no dashboard view of " + table
            + "; run 'outcomes run' with this version of the jobs");
      }
      // A view is bounded by its cube's size (hundreds of rows), whatever the number of episodes.
      Dataset<Row> view = lake.read(lake.dashboard(table), version);
      views.put(table, new ViewRows(contract.table(table), view.collectAsList().stream().map(DashboardSnapshot::values)
          .toList()));
    }

    return new DashboardSnapshot(run.runId(), run.asOf(), run.endedAt(), views, run.inputs(),
        quarantined(lake, versions.get("quarantine"), run.runId()));
  }

  private static List<QuarantineCount> quarantined(Lake lake, Long version, String runId) {
    if (!lake.exists(lake.quarantine())) {
      return List.of();
    }
    Dataset<Row> quarantine = version == null ? lake.read(lake.quarantine()) : lake.read(lake.quarantine(), version);
    return quarantine.filter(col("run_id").equalTo(runId))
        .select(col("entity"), col("source_file"), explode(col("broken_rules")).as("rule"))
        .groupBy("entity", "source_file", "rule").count()
        .orderBy("source_file", "rule")
        .collectAsList().stream()
        .map(r -> new QuarantineCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)))
        .toList();
  }

  private static Map<String, Object> values(Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String field : row.schema().fieldNames()) {
      values.put(field, row.getAs(field));
    }
    return values;
  }
}
