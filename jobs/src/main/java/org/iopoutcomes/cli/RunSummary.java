package org.iopoutcomes.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.pipeline.OutcomesRun;

/**
 * The few lines a person reads after a run: completion and 90-day retention by level of care
 * (every component, every payer), and how many rows went to quarantine. It reads the gold
 * tables just written: a handful of rows.
 */
final class RunSummary {

  private final SparkSession spark;
  private final Lake lake;

  RunSummary(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    this.lake = new Lake(spark, lakeRoot);
  }

  void print(OutcomesRun.Result result, PrintWriter out) {
    Map<String, Row> completion = byLevel(lake.read(lake.gold("completion"))
        .filter(col("program_component").equalTo(Facts.ALL).and(col("payment_source").equalTo(Facts.ALL)))
        .select("level_of_care", "episodes_discharged", "completion_rate", "completion_rate_ci_low",
            "completion_rate_ci_high")
        .collectAsList());
    Map<String, Row> retention = byLevel(lake.read(lake.gold("retention"))
        .filter(col("program_component").equalTo(Facts.ALL).and(col("payment_source").equalTo(Facts.ALL))
            .and(col("window_days").equalTo(90)))
        .select("level_of_care", "episodes_eligible", "retention_rate", "retention_rate_ci_low",
            "retention_rate_ci_high")
        .collectAsList());
    out.println();
    out.println("Summary as of " + result.asOf() + " (run " + result.runId() + ")");
    out.printf("  %-24s %10s  %-24s %10s  %-24s%n", "level of care", "discharged", "completion (95% CI)",
        "eligible", "90-day retention (95% CI)");
    for (String level : levels(completion, retention)) {
      Row c = completion.get(level);
      Row r = retention.get(level);
      out.printf("  %-24s %10s  %-24s %10s  %-24s%n", level,
          c == null ? "0" : String.valueOf(c.getLong(1)), rate(c),
          r == null ? "0" : String.valueOf(r.getLong(1)), rate(r));
    }
    out.printf("  rows quarantined: %,d of %,d read%n", result.rowsQuarantined(),
        result.inputs().stream().mapToLong(f -> f.rowsRead()).sum());
  }

  private static Map<String, Row> byLevel(List<Row> rows) {
    Map<String, Row> byLevel = new LinkedHashMap<>();
    rows.forEach(r -> byLevel.put(r.getString(0), r));
    return byLevel;
  }

  private static List<String> levels(Map<String, Row> completion, Map<String, Row> retention) {
    java.util.TreeSet<String> levels = new java.util.TreeSet<>(completion.keySet());
    levels.addAll(retention.keySet());
    levels.remove(Facts.ALL);
    List<String> ordered = new java.util.ArrayList<>(levels);
    ordered.add(Facts.ALL);
    return ordered;
  }

  private static String rate(Row row) {
    if (row == null || row.isNullAt(2)) {
      return "-";
    }
    return String.format("%5.1f%% (%.1f-%.1f)", 100 * row.getDouble(2), 100 * row.getDouble(3), 100 * row.getDouble(4));
  }
}
