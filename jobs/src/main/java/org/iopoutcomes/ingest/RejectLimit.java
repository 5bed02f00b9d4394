package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The largest share of a file's rows that may go to quarantine before the run stops: a file that
 * bad is more likely a wrong export than a few bad rows, and tables built on the rest would
 * mislead. The run stops before any silver or gold table changes, naming the file and the rules
 * its rows broke most.
 *
 * @param maxRate a fraction in [0, 1]; 1 never stops
 */
public record RejectLimit(double maxRate) {

  public static final RejectLimit DEFAULT = new RejectLimit(0.05);
  public static final RejectLimit NONE = new RejectLimit(1.0);
  private static final int TOP_RULES = 3;

  public RejectLimit {
    if (!(maxRate >= 0 && maxRate <= 1)) {
      throw new IllegalArgumentException("the maximum reject rate must be between 0% and 100%, got " + maxRate);
    }
  }

  /** Parses "5%" or "0.05". */
  public static RejectLimit parse(String text) {
    String trimmed = text.trim();
    try {
      return trimmed.endsWith("%")
          ? new RejectLimit(Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100)
          : new RejectLimit(Double.parseDouble(trimmed));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a rate (write 5% or 0.05)");
    }
  }

  /** Throws {@link TooManyRejectsException} for the first file over the limit. */
  void check(List<FileCount> counts, Dataset<Row> rejected) {
    for (FileCount file : counts) {
      if (file.rowsRead() > 0 && (double) file.rowsQuarantined() / file.rowsRead() > maxRate) {
        throw new TooManyRejectsException(String.format(Locale.ROOT,
            "%s: %d of %d rows (%.1f%%) went to quarantine, above the maximum reject rate of %s; "
                + "most broken rules: %s. No silver or gold table was changed; the rows are in the quarantine table",
            file.sourceFile(), file.rowsQuarantined(), file.rowsRead(),
            100.0 * file.rowsQuarantined() / file.rowsRead(), percent(maxRate), topRules(rejected, file)));
      }
    }
  }

  private static String topRules(Dataset<Row> rejected, FileCount file) {
    return rejected.filter(col(RawRecords.SOURCE_FILE).equalTo(file.sourceFile()))
        .select(explode(col(RowValidation.BROKEN_RULES)).as("rule"))
        .groupBy("rule").agg(count(lit(1)).as("rows"))
        .orderBy(desc("rows"), col("rule"))
        .limit(TOP_RULES)
        .collectAsList().stream()
        .map(r -> r.getString(0) + " (" + r.getLong(1) + ")")
        .collect(Collectors.joining(", "));
  }

  private static String percent(double rate) {
    return new java.math.BigDecimal(rate * 100).stripTrailingZeros().round(new java.math.MathContext(6))
        .stripTrailingZeros().toPlainString() + "%";
  }

  /** A file whose share of quarantined rows is over the limit. */
  public static class TooManyRejectsException extends RuntimeException {
    public TooManyRejectsException(String message) {
      super(message);
    }
  }
}
