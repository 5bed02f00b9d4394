package org.iopoutcomes.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import org.iopoutcomes.pipeline.OutcomesRun;

/** The bench's printed table: one line per stage with rows, seconds and rows per second. */
final class BenchReport {

  /** The stages of a Spark run that compute what DuckDB computes (the five core tables). */
  private static final Set<String> CORE_GOLD = Set.copyOf(DuckDbGold.TABLES);

  private final PrintWriter out;

  BenchReport(PrintWriter out) {
    this.out = out;
  }

  void header(long episodes, long seed, OutcomesRun.Result full, Double generateSeconds, Path data) {
    out.printf("outcomes bench: %,d episodes (seed %d), %d cores, heap limit %s, cut-off %s%n", episodes, seed,
        Runtime.getRuntime().availableProcessors(), gib(HeapPeak.limit()), full.asOf());
    out.printf("load average (1 min) at the start: %.2f%n", loadAverage());
    out.printf("input: %s (%s)%n", data,
        generateSeconds == null ? "reused" : String.format("generated in %.1f s", generateSeconds));
  }

  void stages(String title, OutcomesRun.Result result, double seconds, long peakHeap) {
    out.println();
    line(title, "rows", "seconds", "rows/s");
    for (OutcomesRun.Stage stage : result.stages()) {
      line("  " + stage.name(), count(stage.rows()), String.format("%.1f", stage.seconds()),
          stage.name().startsWith("ingest") ? rate(stage.rows(), stage.seconds()) : "");
    }
    line("  end to end (input rows)", count(result.rowsRead()), String.format("%.1f", seconds),
        rate(result.rowsRead(), seconds));
    line("  peak heap", gib(peakHeap), "", "");
    out.println("  fixed costs: " + result.activity());
  }

  void duckDb(DuckDbGold.Result duckDb, OutcomesRun.Result full, double fullSeconds, AgreementReport agreement) {
    out.println();
    out.println("DuckDB, in this JVM, with the same memory limit as Spark's heap and every core: reads the same CSV");
    out.println("files, merges the batches by key, applies the cut-off and computes the five core tables in memory.");
    out.println("It does not validate against the contract, quarantine, write Delta tables, keep episode facts for");
    out.println("increments, or compute the research tables and dashboard views; the Spark run does all of these.");
    line("DuckDB, the five core tables, same files", "rows", "seconds", "rows/s");
    line("  load (read, merge, cut-off, facts)", count(full.rowsRead()), String.format("%.1f", duckDb.loadSeconds()),
        rate(full.rowsRead(), duckDb.loadSeconds()));
    duckDb.tables().values().forEach(table ->
        line("  " + table.table(), count(table.rows().size()), String.format("%.1f", table.seconds()), ""));
    line("  total", count(full.rowsRead()), String.format("%.1f", duckDb.totalSeconds()),
        rate(full.rowsRead(), duckDb.totalSeconds()));
    double sameTables = full.stages().stream()
        .filter(s -> s.name().startsWith("ingest") || s.name().startsWith("episode facts")
            || (s.name().startsWith("gold/") && CORE_GOLD.contains(s.name().substring(5))))
        .mapToDouble(OutcomesRun.Stage::seconds).sum();
    out.printf("  Spark / DuckDB, end to end: %.1fx (Spark also validates, quarantines, writes Delta, computes the "
        + "research tables and dashboard views)%n", fullSeconds / duckDb.totalSeconds());
    out.printf("  Spark / DuckDB, the same five tables (ingest + facts + those tables): %.1fx%n",
        sameTables / duckDb.totalSeconds());
    out.println("  agreement, full run and DuckDB: " + summary(agreement));
  }

  void increment(OutcomesRun.Result incremental, double seconds, double fullSeconds, AgreementReport agreement) {
    out.printf("  facts refreshed: %s, %,d episodes recomputed%n", incremental.factsRefresh(),
        incremental.episodesRecomputed());
    out.printf("  incremental run / full run: %.1f%% of the time%n", 100 * seconds / fullSeconds);
    out.println("  agreement, incremental run and DuckDB over both batches: " + summary(agreement));
  }

  /** The machine's load: figures taken beside another busy process mean little. */
  static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String summary(AgreementReport agreement) {
    return agreement.agrees() ? "the same numbers in every table"
        : agreement.mismatches().size() + " values differ, " + agreement.missingRows().size()
            + " rows on one side only:\n" + agreement;
  }

  private void line(String name, String rows, String seconds, String perSecond) {
    out.printf("%-44s %14s %9s %12s%n", name, rows, seconds, perSecond);
  }

  private static String count(long n) {
    return String.format("%,d", n);
  }

  private static String rate(long rows, double seconds) {
    return seconds <= 0 ? "" : String.format("%,.0f", rows / seconds);
  }

  private static String gib(long bytes) {
    return String.format("%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
