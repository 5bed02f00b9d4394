package org.iopoutcomes.generate;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.FileCount;
import org.iopoutcomes.ingest.SourceFile;
import org.iopoutcomes.pipeline.OutcomesRun;
import org.junit.jupiter.api.Test;

/**
 * The generator end to end: its batches pass the real pipeline with nothing quarantined, its world
 * has the level mix and completion rates it was given, the same (N, seed) give the same rows, and a
 * base plus an increment report exactly the world as known through the increment's last day.
 */
class GeneratedBatchTest {

  private static final LocalDate LAST_DAY = WorldParameters.REFERENCE_LAST_DAY;
  private final SparkSession spark = SparkTestSession.get();
  private final Contract contract = Contract.load();

  @Test
  void theRealPipelineQuarantinesNothingInABaseNorInItsIncrement() {
    Path base = SparkTestSession.tempDir("generated-base").resolve("batch");
    Path increment = SparkTestSession.tempDir("generated-increment").resolve("batch");
    Path lake = SparkTestSession.tempDir("generated-lake");
    BatchGenerator generator = new BatchGenerator(spark, line -> { });
    World world = new World(600, 11);
    generator.generate(new BatchGenerator.Request(world, KnownWindow.through(LAST_DAY), base.toString(),
        SourceFile.Format.CSV, false));
    GeneratorManifest next = generator.generate(BatchGenerator.increment(spark, base.toString(), 7,
        increment.toString(), null, false));
    assertTrue(next.rows().get("episodes") > 0 && next.rows().get("attendance") > 0,
        "a week of a 600-episode world has admissions and attendance: " + next.rows());

    // Both batches in one run, the increment after the base: its rows correct the base's where keys
    // meet, as in a run of their own (incremental runs are IncrementalRunTest's and the bench's).
    OutcomesRun.Result result = new OutcomesRun(spark, line -> { }).run(new OutcomesRun.Options(
        List.of(base.toString(), increment.toString()), lake.toString(), null));
    for (Path batch : List.of(base, increment)) {
      List<FileCount> files = result.inputs().stream().filter(f -> f.batch().equals(batch.toString())).toList();
      assertEquals(0, files.stream().mapToLong(FileCount::rowsQuarantined).sum(), "quarantined rows of " + files);
      assertEquals(readManifest(batch).rows().values().stream().mapToLong(Long::longValue).sum(),
          files.stream().mapToLong(FileCount::rowsRead).sum(), "the pipeline read every row the generator wrote");
    }
    assertEquals(LAST_DAY.plusDays(7), result.asOf(), "the increment's last day is the cut-off");
  }

  @Test
  void levelMixAndCompletionRatesAreNearTheirTargets() {
    Path out = SparkTestSession.tempDir("generated-mix").resolve("batch");
    new BatchGenerator(spark, line -> { }).generate(new BatchGenerator.Request(new World(6_000, 5),
        KnownWindow.through(LAST_DAY), out.toString(), SourceFile.Format.CSV, false));
    Dataset<Row> episodes = spark.read().option("header", "true").schema(fileSchema("episodes"))
        .csv(out.resolve("episodes").toString()).cache();
    long total = episodes.count();
    assertEquals(6_000, total, "N episodes admitted in the 3 years up to the last day");
    Map<String, Double> targets = WorldParameters.KINDS.stream().collect(Collectors.groupingBy(
        WorldParameters.ProgramKind::levelOfCare, Collectors.summingDouble(WorldParameters.ProgramKind::share)));
    for (Row level : episodes.groupBy("level_of_care").count().collectAsList()) {
      double share = level.getLong(1) / (double) total;
      assertEquals(targets.get(level.getString(0)), share, 0.025, "share of " + level.getString(0));
    }
    assertEquals(0.38, completionRate(episodes, "intensive_outpatient"), 0.07, "IOP completion rate");
    assertEquals(0.36, completionRate(episodes, "outpatient"), 0.05, "outpatient completion rate");
    episodes.unpersist();
  }

  @Test
  void theSameEpisodesAndSeedGiveTheSameRows() {
    for (String entity : contract.entityOrder()) {
      Dataset<Row> first = new WorldBatch(spark, new World(300, 42), KnownWindow.through(LAST_DAY)).entity(entity);
      Dataset<Row> second = new WorldBatch(spark, new World(300, 42), KnownWindow.through(LAST_DAY)).entity(entity);
      assertSameRows(first, second, entity + " generated twice");
    }
    Dataset<Row> otherSeed = new WorldBatch(spark, new World(300, 43), KnownWindow.through(LAST_DAY)).entity("costs");
    Dataset<Row> seed42 = new WorldBatch(spark, new World(300, 42), KnownWindow.through(LAST_DAY)).entity("costs");
    assertNotEquals(0, seed42.except(otherSeed).count(), "another seed gives other costs");
  }

  @Test
  void aBaseAndItsIncrementAreTheWorldThroughTheIncrementsLastDay() {
    World world = new World(200, 9);
    int days = 21;
    KnownWindow base = KnownWindow.through(LAST_DAY);
    KnownWindow increment = KnownWindow.after(LAST_DAY, days);
    KnownWindow direct = KnownWindow.through(LAST_DAY.plusDays(days));
    for (String entity : contract.entityOrder()) {
      Dataset<Row> baseRows = new WorldBatch(spark, world, base).entity(entity);
      Dataset<Row> incrementRows = new WorldBatch(spark, world, increment).entity(entity);
      Dataset<Row> expected = new WorldBatch(spark, world, direct).entity(entity);
      assertTrue(incrementRows.count() > 0, entity + ": the increment holds rows");
      List<String> key = contract.entity(entity).key();
      // The pipeline's merge: a key the increment re-sends replaces the base's row.
      Dataset<Row> merged = baseRows.join(incrementRows.select(key.stream().map(c -> col(c)).toArray(
          org.apache.spark.sql.Column[]::new)), toSeq(key), "left_anti").unionByName(incrementRows);
      assertSameRows(expected, merged, entity + ": base + increment against the world through the last day");
    }
    long resent = new WorldBatch(spark, world, increment).entity("episodes")
        .filter(col("admission_date").leq(java.sql.Date.valueOf(LAST_DAY))).count();
    assertTrue(resent > 0, "episodes discharged in the increment's days are re-sent");
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws IOException {
    Path out = SparkTestSession.tempDir("generated-busy");
    Files.writeString(out.resolve("notes.txt"), "keep me");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
        new BatchGenerator(spark, line -> { }).generate(new BatchGenerator.Request(new World(10, 1),
            KnownWindow.through(LAST_DAY), out.toString(), SourceFile.Format.CSV, true)));
    assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
    assertTrue(Files.exists(out.resolve("notes.txt")), "nothing was deleted");
  }

  private double completionRate(Dataset<Row> episodes, String level) {
    Dataset<Row> discharged = episodes.filter(col("level_of_care").equalTo(level).and(col("discharge_date").isNotNull()));
    return discharged.filter(col("discharge_reason").equalTo("completed")).count() / (double) discharged.count();
  }

  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String what) {
    assertEquals(expected.count(), actual.count(), what + ": row counts");
    assertEquals(0, expected.except(actual).count(), what + ": rows missing");
    assertEquals(0, actual.except(expected).count(), what + ": rows not expected");
  }

  private StructType fileSchema(String entity) {
    StructType wire = WorldBatch.wireSchema(contract.entity(entity));
    StructField[] fields = wire.fields().clone();
    for (int i = 0; i < fields.length; i++) {
      if (contract.entity(entity).columns().get(i).type().equals("date")) {
        fields[i] = DataTypes.createStructField(fields[i].name(), DataTypes.DateType, true);
      }
    }
    return DataTypes.createStructType(fields);
  }

  private GeneratorManifest readManifest(Path batch) {
    return GeneratorManifest.read(batch.toString(), spark.sparkContext().hadoopConfiguration());
  }

  private static scala.collection.Seq<String> toSeq(List<String> columns) {
    return scala.collection.JavaConverters.asScalaBuffer(columns).toSeq();
  }
}
