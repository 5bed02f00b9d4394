package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.metrics.GoldTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run over a new batch recomputes only the episodes it touches, and its tables equal those of a
 * full recomputation of the same silver rows. The increment corrects an episode and a session,
 * adds episodes, sessions, attendance and charges, and moves the cut-off forward.
 */
class IncrementalRunTest {

  static final Path INCREMENT = Path.of("src", "test", "resources", "batches", "increment");

  /** Both batches in one run: every episode computed from scratch. */
  private static Lake full;

  @BeforeAll
  static void runBothBatchesAtOnce() {
    full = LakeTables.lake("full");
    OutcomesRun.Result result = run(full, null, TrustTest.SMALL, INCREMENT);
    assertEquals("full", result.factsRefresh());
  }

  /**
   * One lake kept up to date run by run, as a provider would: each step's tables equal a full
   * recomputation. (One lake through all steps: every pipeline run costs seconds of the suite.)
   */
  @Test
  void eachRunRecomputesOnlyWhatItMustAndEqualsAFullRecomputation() {
    Lake lake = LakeTables.lake("incremental");
    // The first cut-off leaves e1's discharge, session s3 and later charges outside its world, so the
    // second run must also recompute the episodes with rows between the two cut-offs.
    OutcomesRun.Result first = run(lake, LocalDate.parse("2025-02-05"), TrustTest.SMALL);
    assertEquals("full", first.factsRefresh());

    OutcomesRun.Result second = run(lake, null, INCREMENT);
    assertEquals("incremental", second.factsRefresh());
    // e1 (its session s2 was corrected), e3, e7 and e8; e2, e4 and e6 are left alone.
    assertEquals(4, second.episodesRecomputed());
    assertEquals(storedEpisodes(full), storedEpisodes(lake));
    LakeTables.assertSameContents(full, lake);
    assertSameFacts(full, lake);

    OutcomesRun.Result again = run(lake, null, INCREMENT);
    assertEquals("incremental", again.factsRefresh());
    assertEquals(4, again.episodesRecomputed(), "a re-run touches the batch's episodes again");
    LakeTables.assertSameContents(full, lake);
    assertSameFacts(full, lake);

    OutcomesRun.Result earlier = run(lake, LocalDate.parse("2025-03-01"), INCREMENT);
    assertEquals("full", earlier.factsRefresh(), "a cut-off before the last run's");
    assertEquals(storedEpisodes(lake), earlier.episodesRecomputed());

    OutcomesRun.Result asked = new OutcomesRun(SparkTestSession.get(), Progress.SILENT).run(
        options(lake, null, List.of(INCREMENT)).withFullRecompute());
    assertEquals("full", asked.factsRefresh());
    LakeTables.assertSameContents(full, lake);
    assertSameFacts(full, lake);
  }

  private static OutcomesRun.Result run(Lake lake, LocalDate asOf, Path... batches) {
    return new OutcomesRun(SparkTestSession.get(), Progress.SILENT).run(options(lake, asOf, Arrays.asList(batches)));
  }

  private static OutcomesRun.Options options(Lake lake, LocalDate asOf, List<Path> batches) {
    // The test batches hold deliberate bad rows; the reject rate is not what is tested here.
    return new OutcomesRun.Options(batches.stream().map(Path::toString).toList(), lake.root(), asOf,
        GoldTables.Bootstrap.DEFAULT, RejectLimit.NONE);
  }

  private static long storedEpisodes(Lake lake) {
    return lake.read(lake.episodeFacts()).count();
  }

  /** The same facts per episode, whichever run computed them and at which cut-off. */
  private static void assertSameFacts(Lake expected, Lake actual) {
    Dataset<Row> want = comparable(expected);
    Dataset<Row> got = comparable(actual);
    assertEquals(want.count(), got.count(), "episode facts rows");
    DataFrameAssertions.assertSameRows(want, got, 0);
  }

  private static Dataset<Row> comparable(Lake lake) {
    Dataset<Row> facts = lake.read(lake.episodeFacts()).drop("run_id", "computed_as_of");
    // Arrays of structs compare as text.
    for (String column : List.of("component_activity", "charges", "attended_days")) {
      facts = facts.withColumn(column, org.apache.spark.sql.functions.to_json(facts.col(column)));
    }
    return facts;
  }
}
