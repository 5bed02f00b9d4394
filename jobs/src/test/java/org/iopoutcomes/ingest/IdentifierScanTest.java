package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.junit.jupiter.api.Test;

/** The identifier scan searches every file of a batch at once and names the first finding. */
class IdentifierScanTest {

  private static final SparkSession SPARK = SparkTestSession.get();
  private static final Contract CONTRACT = Contract.load();

  private static void scan(TestBatch batch) {
    new BatchIngest(SPARK, CONTRACT, new org.iopoutcomes.lake.Lake(SPARK, batch.path() + "-lake"), "scan")
        .check(batch.path());
  }

  private static List<String> sessions(int rows, int identifierAt, String identifier) {
    List<String> lines = new ArrayList<>(List.of(TestBatch.SESSIONS_HEADER));
    for (int i = 2; i <= rows + 1; i++) {
      lines.add("s" + i + ",p,holistic," + (i == identifierAt ? identifier : "yoga") + ",2025-01-01,60,");
    }
    return lines;
  }

  @Test
  void namesTheFileColumnAndLineOfTheFirstFinding() {
    TestBatch batch = new TestBatch("scan-first")
        .file("sessions/part-1.csv", sessions(500, -1, null).toArray(String[]::new))
        .file("sessions/part-2.csv", sessions(500, 377, "write to jo.doe@example.org").toArray(String[]::new))
        .file("sessions/part-3.csv", sessions(500, 12, "call 555-201-3344").toArray(String[]::new));
    InputRefusedException refused = assertThrows(InputRefusedException.class, () -> scan(batch));
    String message = refused.getMessage();
    assertTrue(message.contains("part-2.csv") && message.contains("'activity'") && message.contains("line 377")
        && message.contains("e-mail"), message);
  }

  @Test
  void searchesJsonValuesAndColumnsTheContractDoesNotKnow() {
    TestBatch json = new TestBatch("scan-json").file("sessions.jsonl",
        "{\"session_id\": \"s1\", \"program_id\": \"p\"}",
        "",
        "{\"session_id\": \"s2\", \"note\": \"see http://clinic.example.org/p/12\"}");
    InputRefusedException refused = assertThrows(InputRefusedException.class, () -> scan(json));
    assertTrue(refused.getMessage().contains("'note'") && refused.getMessage().contains("line 3"), refused.getMessage());

    TestBatch extraColumn = new TestBatch("scan-extra").file("sessions.csv",
        TestBatch.SESSIONS_HEADER + ",remark", "s1,p,holistic,yoga,2025-01-01,60,,SSN 123-45-6789");
    refused = assertThrows(InputRefusedException.class, () -> scan(extraColumn));
    assertTrue(refused.getMessage().contains("'remark'") && refused.getMessage().contains("line 2"), refused.getMessage());
  }

  @Test
  void cleanFilesPass() {
    assertDoesNotThrow(() -> scan(new TestBatch("scan-clean")
        .file("sessions.csv", sessions(200, -1, null).toArray(String[]::new))));
  }
}
