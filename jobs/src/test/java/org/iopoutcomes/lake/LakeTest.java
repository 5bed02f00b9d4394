package org.iopoutcomes.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Versions and row counts read from a table's commit log, as Delta's own history gives them. */
class LakeTest {

  @Test
  void versionAndRowsOfTheLastCommitComeFromTheLog() {
    SparkSession spark = SparkTestSession.get();
    Lake lake = new Lake(spark, SparkTestSession.tempDir("commit-log").toString());
    String table = lake.gold("numbers");
    assertFalse(lake.exists(table), "no table before its first commit");

    spark.range(5).write().format("delta").save(table);
    spark.range(3).write().format("delta").mode("overwrite").save(table);

    assertTrue(lake.exists(table));
    assertEquals(1, lake.version(table), "two commits: versions 0 and 1");
    assertEquals(3, lake.rowsWrittenByLastCommit(table), "the overwrite wrote 3 rows");
    long history = io.delta.tables.DeltaTable.forPath(spark, table).history(1).select("version").first().getLong(0);
    assertEquals(history, lake.version(table), "the same version as Delta's history");
  }

  @Test
  void aMissingTableHasNoVersion() {
    Lake lake = new Lake(SparkTestSession.get(), SparkTestSession.tempDir("no-table").toString());
    assertFalse(lake.exists(lake.runLog()));
    assertThrows(Lake.LakeException.class, () -> lake.version(lake.runLog()));
  }
}
