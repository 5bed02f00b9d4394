package org.iopoutcomes.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema files hang together: what one names, another defines. */
class ContractTest {

  private static final Contract CONTRACT = Contract.load();

  @Test
  void everyCodeColumnNamesACodeList() {
    for (String entity : CONTRACT.entityOrder()) {
      for (ColumnSpec column : CONTRACT.entity(entity).columns()) {
        if (column.isCode()) {
          assertTrue(CONTRACT.codeListNames().contains(column.codes()), entity + "." + column.name());
          if (column.defaultValue() != null) {
            assertTrue(CONTRACT.codes(column.codes()).contains(column.defaultValue()), entity + "." + column.name());
          }
        }
      }
    }
  }

  @Test
  void referencesPointAtKeysAndColumnsThatExist() {
    for (String entity : CONTRACT.entityOrder()) {
      for (ReferenceRule reference : CONTRACT.entity(entity).references()) {
        EntitySchema target = CONTRACT.entity(reference.entity());
        assertEquals(target.key().size(), reference.columns().size(), reference.id());
        reference.lookup().forEach(c -> assertTrue(target.column(c).isPresent(), reference.id() + " looks up " + c));
        assertTrue(CONTRACT.entityOrder().indexOf(reference.entity()) < CONTRACT.entityOrder().indexOf(entity),
            entity + " is ingested after " + reference.entity());
      }
    }
  }

  @Test
  void goldTablesCarryTheirDimensionsAsOfAndRunId() {
    for (String table : CONTRACT.goldTableNames()) {
      List<String> columns = CONTRACT.table(table).columnNames();
      assertTrue(columns.containsAll(CONTRACT.table(table).keys()), table);
      assertTrue(columns.contains("as_of") && columns.contains("run_id"), table);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"patient_name", "Email", "home phone", "SSN", "medical_record_number", "birth_date", "zip"})
  void identifierColumnNames(String column) {
    assertNotNull(CONTRACT.identifierKind(column), column);
  }

  @ParameterizedTest
  @ValueSource(strings = {"person_id", "program_id", "episode_id", "session_id", "activity", "admission_date",
      "program_name", "payer"})
  void ordinaryColumnNames(String column) {
    assertNull(CONTRACT.identifierKind(column), column);
  }
}
