package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files the pipeline refuses before anything is written, with a message naming file and column. */
class FileHeaderTest {

  private static List<SourceFile> check(TestBatch batch) {
    List<SourceFile> files = BatchFiles.list(batch.path(), SparkTestSession.get().sparkContext().hadoopConfiguration(),
        Contract.load());
    files.forEach(f -> FileHeader.check(SparkTestSession.get(), f, Contract.load()));
    return files;
  }

  private static void assertRefused(TestBatch batch, String... fragments) {
    InputRefusedException refused = assertThrows(InputRefusedException.class, () -> check(batch));
    for (String fragment : fragments) {
      assertTrue(refused.getMessage().contains(fragment), "'" + refused.getMessage() + "' should name " + fragment);
    }
  }

  @Test
  void missingRequiredColumn() {
    assertRefused(new TestBatch("missing").file("sessions.csv",
        "session_id,program_id,activity,session_date,scheduled_minutes", "s1,p,yoga,2025-01-01,60"),
        "sessions.csv", "program_component");
  }

  @Test
  void unknownEntityFile() {
    assertRefused(new TestBatch("unknown").file("patients.csv", "id", "1"), "patients.csv", "unknown entity");
  }

  @Test
  void unsupportedFormat() {
    assertRefused(new TestBatch("format").file("episodes.xlsx", "x"), "episodes.xlsx", "unsupported format");
  }

  @ParameterizedTest(name = "column {0}")
  @ValueSource(strings = {"first_name", "SSN", "phone", "email", "street_address", "mrn", "date_of_birth", "DOB",
      "Last Name", "ip_address"})
  void identifierColumnNames(String column) {
    assertRefused(new TestBatch("identifier").file("attendance.csv",
        TestBatch.ATTENDANCE_HEADER + "," + column, "s1,e1,attended,60,x"), "attendance.csv", column);
  }

  @Test
  void identifierKeyInJsonLines() {
    assertRefused(new TestBatch("json-identifier").file("sessions.jsonl",
        "{\"session_id\": \"s1\", \"email\": \"a@b.org\"}"), "sessions.jsonl", "email");
  }

  @Test
  void partFilesOfAnEntityFolder() {
    List<SourceFile> files = check(new TestBatch("parts")
        .file("sessions/part-0001.csv", TestBatch.SESSIONS_HEADER, "s1,p,holistic,yoga,2025-01-01,60,")
        .file("sessions/part-0002.jsonl", "{\"session_id\": \"s2\"}")
        .file("_SUCCESS")
        .file(".sessions.csv.crc", "x"));
    assertTrue(files.size() == 2 && files.stream().allMatch(f -> f.entity().equals("sessions")), files.toString());
  }

  @Test
  void noSuchBatchFolder() {
    InputRefusedException refused = assertThrows(InputRefusedException.class, () ->
        BatchFiles.list("/no/such/batch", SparkTestSession.get().sparkContext().hadoopConfiguration(),
            Contract.load()));
    assertTrue(refused.getMessage().contains("/no/such/batch"));
  }
}
