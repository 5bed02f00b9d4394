package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.lit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.InputRefusedException;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.metrics.MetricFunctions;
import org.iopoutcomes.pipeline.Progress;
import org.iopoutcomes.publish.GoldPublisher;

/**
 * The TEDS-D import, in the order data flows: read the public-use CSV as text (refusing a missing
 * file, the 2006–2014 file, or a file without the columns it needs), stage every record with its
 * codes mapped through {@code schemas/teds/teds_d.json}, count what was read, used and left out,
 * and replace {@code <lake>/gold/national_completion} and {@code <lake>/gold/national_retention}.
 * Nothing is written when the file is refused. What it prints:
 * <pre>
 * read 1,234,567 records from tedsd_puf_2021.csv (discharge years 2021-2021)
 * national_completion: 1,230,001 records used, 4,566 left out (REASON missing 4,566)
 * national_retention: 1,229,000 records used, 5,567 left out (REASON missing 4,566, LOS missing 1,001)
 * kept in payment_source = all only, in no payer's row: PRIMPAY missing 400,123
 * national_completion: 512 rows written to lake/gold/national_completion
 * </pre>
 */
public final class TedsImport {

  /** What an import did: the counts and the rows written per table. */
  public record Result(ImportCounts counts, Map<String, Long> rowsWritten) {}

  static final List<NationalTable> TABLES = List.of(new NationalCompletion(), new NationalRetention());

  private final SparkSession spark;
  private final Progress progress;

  public TedsImport(SparkSession spark, Progress progress) {
    this.spark = spark;
    this.progress = progress;
  }

  public Result run(String input, String lakeRoot) {
    TedsCodes codes = TedsCodes.load();
    MetricFunctions.register(spark);
    String fileName = new Path(input).getName();
    Dataset<Row> discharges = TedsDischarges.stage(TedsFile.read(spark, input, codes), codes)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      ImportCounts counts = ImportCounts.of(discharges, TABLES);
      refuseOlderYears(input, counts, codes);
      progress.say(String.format("read %,d records from %s (%s)", counts.read(), fileName, counts.years()));
      counts.report(TABLES, codes).forEach(progress::say);
      Lake lake = new Lake(spark, lakeRoot);
      GoldPublisher publisher = new GoldPublisher(lake, Contract.load());
      Timestamp importedAt = Timestamp.from(Instant.now());
      Map<String, Long> written = new LinkedHashMap<>();
      for (NationalTable table : TABLES) {
        Dataset<Row> rows = table.compute(discharges)
            .withColumn("source", lit(codes.source()))
            .withColumn("imported_at", lit(importedAt))
            .withColumn("source_file", lit(fileName));
        // National tables carry imported_at and source_file where gold tables carry as_of and run_id.
        long count = publisher.publish(table.name(), publisher.conform(table.name(), rows, null, null)).rows().size();
        progress.say(String.format("%s: %,d rows written to %s", table.name(), count, lake.gold(table.name())));
        written.put(table.name(), count);
      }
      return new Result(counts, written);
    } finally {
      discharges.unpersist();
    }
  }

  /** The older file's codes differ; a discharge year before the first supported one refuses the file. */
  private static void refuseOlderYears(String input, ImportCounts counts, TedsCodes codes) {
    int first = codes.firstSupportedDischargeYear();
    if (counts.firstYear() != null && counts.firstYear() < first) {
      throw new InputRefusedException(input + ": discharge year " + counts.firstYear() + " is before " + first
          + ": this looks like the 2006-2014 TEDS-D file, whose AGE and PRIMPAY codes differ;"
          + " import-teds reads only the " + first + "-and-later files");
    }
  }
}
