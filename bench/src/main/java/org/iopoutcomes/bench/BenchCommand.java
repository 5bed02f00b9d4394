package org.iopoutcomes.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's command line (a minimal one): computes the five core gold tables with DuckDB from the
 * given batches and prints the rows per table and the seconds each step took.
 * <pre>
 *   java -jar bench/target/outcomes-bench.jar BATCH_DIR... [--as-of yyyy-MM-dd]
 * </pre>
 */
public final class BenchCommand {

  private BenchCommand() {}

  public static void main(String[] args) {
    List<Path> batches = new ArrayList<>();
    LocalDate asOf = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--as-of") && i + 1 < args.length) {
        asOf = LocalDate.parse(args[++i]);
      } else if (args[i].startsWith("-")) {
        usage();
        return;
      } else {
        batches.add(Path.of(args[i]));
      }
    }
    if (batches.isEmpty()) {
      usage();
      return;
    }
    DuckDbGold.Result result = new DuckDbGold().compute(batches, asOf);
    System.out.printf("duckdb as of %s: load %.2f s%n", result.asOf(), result.loadSeconds());
    result.tables().values().forEach(t ->
        System.out.printf("  %-18s %,7d rows %6.2f s%n", t.table(), t.rows().size(), t.seconds()));
    System.out.printf("  total %.2f s%n", result.totalSeconds());
  }

  private static void usage() {
    System.err.println("usage: outcomes-bench BATCH_DIR... [--as-of yyyy-MM-dd]");
    System.exit(2);
  }
}
