package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ingest through the lake: quarantine rows with file, line and rules; silver merged by key. */
class BatchIngestTest {

  private static final SparkSession SPARK = SparkTestSession.get();
  private static Lake lake;
  private static List<FileCount> firstCounts;

  @BeforeAll
  static void ingestTwoBatches() {
    lake = new Lake(SPARK, SparkTestSession.tempDir("ingest-lake").toString());
    byte[] invalidUtf8 = concat("s1,e2,attended,".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28},
        "\n".getBytes(StandardCharsets.UTF_8));
    TestBatch first = new TestBatch("first")
        .file("episodes.csv", TestBatch.EPISODES_HEADER,
            "e1,p1,prg,intensive_outpatient,2025-01-01,2025-03-01,completed,medicaid,25-34,female,alcohol,yes,0",
            "e2,p2,prg,outpatient,2025-01-05,,,self_pay,35-44,,,,",
            "",
            "e3,p3,prg,outpatient,2025-01-05,,,self_pay,35-44",
            "e4,\"p4,prg,outpatient,2025-01-05,,,self_pay,35-44,,,,",
            "e5,p5,prg,detox,2025-01-05,,,self_pay,35-44,,,,")
        .file("sessions.jsonl",
            "{\"session_id\": \"s1\", \"program_id\": \"prg\", \"program_component\": \"group_therapy\","
                + " \"session_date\": \"2025-01-10\", \"scheduled_minutes\": 90}",
            "not json",
            "{\"session_id\": \"s2\", \"program_id\": \"prg\", \"program_component\": \"holistic\","
                + " \"activity\": \"yoga\", \"session_date\": \"2025-01-12\", \"scheduled_minutes\": 60,"
                + " \"delivery_mode\": null}")
        .bytes("attendance.csv", concat((TestBatch.ATTENDANCE_HEADER + "\ns1,e1,attended,90\n").getBytes(StandardCharsets.UTF_8),
            invalidUtf8, "s1,e5,attended,30\ns2,e2,no_show,\n".getBytes(StandardCharsets.UTF_8)));
    BatchIngest ingest = new BatchIngest(SPARK, Contract.load(), lake, "run-1");
    firstCounts = ingest.ingest(ingest.check(first.path()), RejectLimit.NONE);

    TestBatch correction = new TestBatch("correction").file("episodes.csv", TestBatch.EPISODES_HEADER,
        "e2,p2,prg,outpatient,2025-01-05,2025-02-01,dropped_out,self_pay,35-44,,,,");
    BatchIngest again = new BatchIngest(SPARK, Contract.load(), lake, "run-2");
    again.ingest(again.check(correction.path()), RejectLimit.NONE);
  }

  @Test
  void everyRowReadIsAcceptedOrQuarantined() {
    Map<String, FileCount> byEntity = firstCounts.stream().collect(Collectors.toMap(FileCount::entity, c -> c));
    assertEquals(List.of(5L, 2L, 3L), List.of(byEntity.get("episodes").rowsRead(),
        byEntity.get("episodes").rowsAccepted(), byEntity.get("episodes").rowsQuarantined()), "episodes: blank line skipped");
    assertEquals(List.of(3L, 2L, 1L), List.of(byEntity.get("sessions").rowsRead(),
        byEntity.get("sessions").rowsAccepted(), byEntity.get("sessions").rowsQuarantined()));
    assertEquals(List.of(4L, 2L, 2L), List.of(byEntity.get("attendance").rowsRead(),
        byEntity.get("attendance").rowsAccepted(), byEntity.get("attendance").rowsQuarantined()));
  }

  @Test
  void quarantineNamesFileLineAndRule() {
    Map<String, String> rulesByLine = lake.read(lake.quarantine()).collectAsList().stream()
        .collect(Collectors.toMap(
            r -> fileName(r.getAs("source_file")) + ":" + r.getAs("record_number"),
            r -> String.join(";", r.<String>getList(r.fieldIndex("broken_rules")))));
    assertEquals(Map.of(
        "episodes.csv:5", RawRecords.FIELD_COUNT,
        "episodes.csv:6", CsvLine.UNBALANCED_QUOTE,
        "episodes.csv:7", "level_of_care.code",
        "sessions.jsonl:2", RawRecords.NOT_JSON_OBJECT,
        "attendance.csv:3", RawRecords.INVALID_UTF8,
        "attendance.csv:4", "episode_exists"), rulesByLine);
  }

  @Test
  void quarantineKeepsTheRawRecord() {
    Row row = lake.read(lake.quarantine()).filter("record_number = 7 AND entity = 'episodes'").first();
    assertEquals("e5,p5,prg,detox,2025-01-05,,,self_pay,35-44,,,,", row.getAs("raw_record"));
  }

  @Test
  void aLaterBatchCorrectsRowsWithTheSameKey() {
    List<Row> episodes = lake.read(lake.silver("episodes")).orderBy("episode_id").collectAsList();
    assertEquals(2, episodes.size(), "e1 and e2, once each");
    Row e2 = episodes.get(1);
    assertEquals("dropped_out", e2.getAs("discharge_reason"));
    assertEquals("run-2", e2.getAs("run_id"));
    assertEquals("run-1", episodes.get(0).getAs("run_id"));
  }

  @Test
  void jsonNullAndMissingKeysAreEmptyValues() {
    Row s2 = lake.read(lake.silver("sessions")).filter("session_id = 's2'").first();
    assertEquals("in_person", s2.getAs("delivery_mode"));
    Row s1 = lake.read(lake.silver("sessions")).filter("session_id = 's1'").first();
    assertEquals(null, s1.<String>getAs("activity"));
    assertEquals(Integer.valueOf(90), s1.<Integer>getAs("scheduled_minutes"));
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
