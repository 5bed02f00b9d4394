package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.ingest.InputRefusedException;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.lake.RunLock;
import org.junit.jupiter.api.Test;

/** What a provider's messy reality does to a run: bad shares, identifiers, re-runs, a second run. */
class TrustTest {

  static final Path SMALL = Path.of("src", "test", "resources", "batches", "small");
  static final Path CORRECTION = Path.of("src", "test", "resources", "batches", "correction");

  static OutcomesRun.Result run(Lake lake, Path... batches) {
    return run(lake, RejectLimit.DEFAULT, batches);
  }

  /** A run with the cut-off 2025-03-31, so that batches of different dates see the same world. */
  static OutcomesRun.Result run(Lake lake, RejectLimit limit, Path... batches) {
    List<String> inputs = java.util.Arrays.stream(batches).map(Path::toString).toList();
    return new OutcomesRun(SparkTestSession.get(), Progress.SILENT).run(new OutcomesRun.Options(inputs, lake.root(),
        java.time.LocalDate.parse("2025-03-31"), org.iopoutcomes.metrics.GoldTables.Bootstrap.DEFAULT, limit));
  }

  private static Lake clean;

  /** One clean run of the small batch, shared by the tests that compare with it. */
  static synchronized Lake cleanRun() {
    if (clean == null) {
      clean = LakeTables.lake("clean");
      run(clean, RejectLimit.NONE, SMALL);
    }
    return clean;
  }

  private static Lake bothAtOnce;

  /** One run of the small batch and its correction together, shared by the tests that compare with it. */
  static synchronized Lake bothBatchesAtOnce() {
    if (bothAtOnce == null) {
      bothAtOnce = LakeTables.lake("together");
      run(bothAtOnce, RejectLimit.NONE, SMALL, CORRECTION);
    }
    return bothAtOnce;
  }

  @Test
  void aFileOverTheRejectRateStopsTheRunBeforeSilverOrGold() {
    Lake lake = LakeTables.lake("reject-rate");
    RejectLimit.TooManyRejectsException stopped = assertThrows(RejectLimit.TooManyRejectsException.class,
        () -> run(lake, RejectLimit.parse("20%"), SMALL));
    assertTrue(stopped.getMessage().contains("costs.csv") && stopped.getMessage().contains("duplicate_key_in_batch"),
        stopped.getMessage());
    assertFalse(lake.exists(lake.silver("episodes")), "silver unchanged");
    assertFalse(lake.exists(lake.gold("completion")), "no gold table");
    assertEquals(3, lake.read(lake.quarantine()).filter("entity = 'costs'").count(), "the rows are in quarantine");
    Row logged = lake.read(lake.runLog()).first();
    assertEquals("failed", logged.getAs("status"));
  }

  @Test
  void aValueThatLooksLikeAnIdentifierRefusesTheFileBeforeAnythingIsWritten() throws Exception {
    Path batch = SparkTestSession.tempDir("identifier-values");
    Files.writeString(batch.resolve("sessions.csv"), String.join("\n",
        "session_id,program_id,program_component,activity,session_date,scheduled_minutes,delivery_mode",
        "s1,p,holistic,yoga,2025-01-01,60,",
        "s2,p,holistic,call Jo at 555-201-3344,2025-01-02,60,", ""));
    Lake lake = LakeTables.lake("identifier-lake");
    InputRefusedException refused = assertThrows(InputRefusedException.class, () -> run(lake, batch));
    assertTrue(refused.getMessage().contains("sessions.csv") && refused.getMessage().contains("activity")
        && refused.getMessage().contains("line 3"), refused.getMessage());
    assertFalse(Files.exists(Path.of(lake.root(), "person_level")), "nothing written");
  }

  @Test
  void theSameBatchTwiceGivesTheSameTables() {
    Lake once = cleanRun();
    // The clean run's lake, given the same batch a second time.
    Lake twice = LakeTables.copy(once, "twice");
    run(twice, RejectLimit.NONE, SMALL);
    LakeTables.assertSameContents(once, twice);
  }

  @Test
  void aCorrectionBatchUpdatesRowsAndTheGoldTables() {
    // The clean run's lake (the small batch alone), then the correction in a run of its own.
    Lake corrected = LakeTables.copy(cleanRun(), "corrected");
    run(corrected, RejectLimit.NONE, CORRECTION);
    LakeTables.assertSameContents(bothBatchesAtOnce(), corrected);
    Row e2 = corrected.read(corrected.silver("episodes")).filter("episode_id = 'e2'").first();
    assertEquals("completed", e2.getAs("discharge_reason"));
    Row all = corrected.read(corrected.gold("completion"))
        .filter("level_of_care = 'all' AND program_component = 'all' AND payment_source = 'all'").first();
    // Completed by 2025-03-31: e1, e4, e6 (same day) and now e2 (e5 is quarantined).
    assertEquals(4L, (long) all.<Long>getAs("episodes_completed"), "e2's correction counts");
  }

  @Test
  void aSecondRunOnTheSameLakeFailsAndTheFirstIsUnharmed() throws Exception {
    Lake lake = LakeTables.lake("concurrent");
    Lake alone = cleanRun();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OutcomesRun.Result>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return run(lake, RejectLimit.NONE, SMALL);
      }));
    }
    start.countDown();
    int succeeded = 0;
    int busy = 0;
    for (Future<OutcomesRun.Result> future : runs) {
      try {
        future.get();
        succeeded++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertTrue(e.getCause() instanceof RunLock.LakeBusyException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getMessage().contains("is in use by run"), e.getCause().getMessage());
        busy++;
      }
    }
    pool.shutdown();
    assertEquals(List.of(1, 1), List.of(succeeded, busy), "one run, one refusal");
    LakeTables.assertSameContents(alone, lake);
  }
}
