package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The fixed costs of a run: Spark jobs and SQL executions seen while counting, commits from versions.
 * Isolated: the listener counts every query of the shared session, another test class's too.
 */
@Isolated
class RunActivityTest {

  @Test
  void countsWhatRanBetweenStartAndStop() {
    SparkSession spark = SparkTestSession.get();
    spark.range(3).collectAsList(); // before: not counted
    RunActivity activity = RunActivity.start(spark.sparkContext(), Map.of("silver_episodes", 4L, "quarantine", 0L));
    spark.range(10).collectAsList();
    spark.range(10).selectExpr("id % 3 AS k").groupBy("k").count().collectAsList();
    // Tables: one new (versions 0 and 1 written), one written twice, one untouched.
    RunActivity.Counts counts = activity.stop(Map.of("silver_episodes", 6L, "quarantine", 0L, "run_log", 1L));
    spark.range(3).collectAsList(); // after: not counted

    assertEquals(2, counts.sqlExecutions(), "two queries: " + counts);
    assertTrue(counts.sparkJobs() >= 2, "at least one job a query: " + counts);
    assertEquals(4, counts.deltaCommits(), "2 on silver_episodes, 2 on the new run_log: " + counts);
  }
}
