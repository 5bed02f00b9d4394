package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.junit.jupiter.api.Test;

/** Files that are odd as a whole: empty, only a header, a Parquet column of the wrong type. */
class MalformedFilesTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  private static Map<String, FileCount> ingest(TestBatch batch, Lake lake) {
    BatchIngest ingest = new BatchIngest(SPARK, Contract.load(), lake, "run-malformed");
    return ingest.ingest(ingest.check(batch.path()), RejectLimit.NONE).stream()
        .collect(Collectors.toMap(c -> c.sourceFile().substring(c.sourceFile().lastIndexOf('/') + 1), c -> c));
  }

  @Test
  void emptyAndHeaderOnlyFilesHoldNoRows() {
    Lake lake = new Lake(SPARK, SparkTestSession.tempDir("empty-lake").toString());
    Map<String, FileCount> counts = ingest(new TestBatch("empty")
        .bytes("episodes.csv", new byte[0])
        .file("sessions.csv", TestBatch.SESSIONS_HEADER)
        .bytes("costs.jsonl", new byte[0]), lake);
    assertEquals(List.of(0L, 0L, 0L), List.of(counts.get("episodes.csv").rowsRead(),
        counts.get("sessions.csv").rowsRead(), counts.get("costs.jsonl").rowsRead()));
  }

  @Test
  void aParquetColumnOfTheWrongTypeQuarantinesItsRowsAlone() {
    TestBatch batch = new TestBatch("parquet-types");
    StructType wrong = new StructType()
        .add("session_id", DataTypes.StringType).add("program_id", DataTypes.StringType)
        .add("program_component", DataTypes.StringType)
        .add("session_date", DataTypes.IntegerType)   // a number where a date belongs
        .add("scheduled_minutes", DataTypes.IntegerType);
    SPARK.createDataFrame(List.of(RowFactory.create("s1", "p", "holistic", 20250101, 60)), wrong)
        .coalesce(1).write().parquet(batch.folder.resolve("sessions").toString());
    Lake lake = new Lake(SPARK, SparkTestSession.tempDir("parquet-lake").toString());
    Map<String, FileCount> counts = ingest(batch, lake);
    FileCount sessions = counts.values().iterator().next();
    assertEquals(List.of(1L, 0L, 1L), List.of(sessions.rowsRead(), sessions.rowsAccepted(), sessions.rowsQuarantined()));
    Row quarantined = lake.read(lake.quarantine()).first();
    assertEquals(List.of("session_date.type"), quarantined.getList(quarantined.fieldIndex("broken_rules")));
    assertEquals(1L, (long) quarantined.<Long>getAs("record_number"));
  }
}
