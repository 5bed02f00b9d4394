package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SilverFixture;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the data contract, each broken alone by one field of an otherwise good row. The
 * good rows reference episode e1 (2025-01-01 to 2025-03-01) and session s1 (2025-01-10, 90 min).
 */
class RowValidationTest {

  private static final Contract CONTRACT = Contract.load();
  private static final SilverFixture LAKE = new SilverFixture()
      .episode("e1", "intensive_outpatient", "medicaid", "2025-01-01", "2025-03-01", "completed")
      .session("s1", "group_therapy", "2025-01-10", 90);

  private static Map<String, String> goodRow(String entity) {
    Map<String, String> row = new LinkedHashMap<>();
    switch (entity) {
      case "episodes" -> {
        row.put("episode_id", "e2");
        row.put("person_id", "p2");
        row.put("program_id", "prg");
        row.put("level_of_care", "intensive_outpatient");
        row.put("admission_date", "2025-01-01");
        row.put("discharge_date", "2025-02-01");
        row.put("discharge_reason", "completed");
        row.put("payment_source", "medicaid");
        row.put("age_group", "25-34");
        row.put("sex", "female");
        row.put("primary_substance", "alcohol");
        row.put("co_occurring_mental_health", "true");
        row.put("prior_treatment_episodes", "1");
      }
      case "sessions" -> {
        row.put("session_id", "s2");
        row.put("program_id", "prg");
        row.put("program_component", "holistic");
        row.put("activity", "yoga");
        row.put("session_date", "2025-01-11");
        row.put("scheduled_minutes", "60");
        row.put("delivery_mode", "telehealth");
      }
      case "attendance" -> {
        row.put("session_id", "s1");
        row.put("episode_id", "e1");
        row.put("status", "attended");
        row.put("minutes_attended", "90");
      }
      case "costs" -> {
        row.put("cost_id", "c1");
        row.put("episode_id", "e1");
        row.put("session_id", "s1");
        row.put("service_date", "2025-01-10");
        row.put("cost_category", "therapy");
        row.put("amount", "120.00");
        row.put("payer", "medicaid");
      }
      default -> throw new IllegalArgumentException(entity);
    }
    return row;
  }

  @ParameterizedTest(name = "{0}.{1} = ''{2}'' breaks {3}")
  @CsvSource(delimiter = '|', value = {
    "episodes   | episode_id                 |            | episode_id.required",
    "episodes   | person_id                  |            | person_id.required",
    "episodes   | program_id                 | '  '       | program_id.required",
    "episodes   | level_of_care              | detox      | level_of_care.code",
    "episodes   | level_of_care              |            | level_of_care.required",
    "episodes   | admission_date             | 2025-02-30 | admission_date.type",
    "episodes   | admission_date             | 07/14/2025 | admission_date.type",
    "episodes   | admission_date             |            | admission_date.required",
    "episodes   | discharge_date             | 2025-13-01 | discharge_date.type",
    "episodes   | discharge_date             | 2024-12-31 | discharge_not_before_admission",
    "episodes   | discharge_date             |            | discharge_reason_with_discharge",
    "episodes   | discharge_reason           | finished   | discharge_reason.code",
    "episodes   | discharge_reason           |            | discharge_reason_with_discharge",
    "episodes   | payment_source             | cash       | payment_source.code",
    "episodes   | payment_source             |            | payment_source.required",
    "episodes   | age_group                  | 30-39      | age_group.code",
    "episodes   | age_group                  |            | age_group.required",
    "episodes   | sex                        | f          | sex.code",
    "episodes   | primary_substance          | tobacco    | primary_substance.code",
    "episodes   | co_occurring_mental_health | maybe      | co_occurring_mental_health.type",
    "episodes   | prior_treatment_episodes   | -1         | prior_treatment_episodes.range",
    "episodes   | prior_treatment_episodes   | two        | prior_treatment_episodes.type",
    "sessions   | session_id                 |            | session_id.required",
    "sessions   | program_id                 |            | program_id.required",
    "sessions   | program_component          | peer_support | program_component.code",
    "sessions   | program_component          |            | program_component.required",
    "sessions   | session_date               | 2025/01/11 | session_date.type",
    "sessions   | session_date               |            | session_date.required",
    "sessions   | scheduled_minutes          | 0          | scheduled_minutes.range",
    "sessions   | scheduled_minutes          | 721        | scheduled_minutes.range",
    "sessions   | scheduled_minutes          | 1.5        | scheduled_minutes.type",
    "sessions   | scheduled_minutes          |            | scheduled_minutes.required",
    "sessions   | delivery_mode              | video      | delivery_mode.code",
    "attendance | session_id                 |            | session_id.required",
    "attendance | session_id                 | s9         | session_exists",
    "attendance | episode_id                 |            | episode_id.required",
    "attendance | episode_id                 | e9         | episode_exists",
    "attendance | status                     | present    | status.code",
    "attendance | status                     |            | status.required",
    "attendance | minutes_attended           | ninety     | minutes_attended.type",
    "attendance | minutes_attended           | 91         | minutes_within_scheduled",
    "attendance | minutes_attended           |            | minutes_required_when_attended",
    "costs      | cost_id                    |            | cost_id.required",
    "costs      | episode_id                 |            | episode_id.required",
    "costs      | episode_id                 | e9         | episode_exists",
    "costs      | session_id                 | s9         | session_exists",
    "costs      | service_date               | 10-01-2025 | service_date.type",
    "costs      | service_date               |            | service_date.required",
    "costs      | cost_category              | food       | cost_category.code",
    "costs      | cost_category              |            | cost_category.required",
    "costs      | amount                     | 12.345     | amount.type",
    "costs      | amount                     | $120       | amount.type",
    "costs      | amount                     |            | amount.required",
    "costs      | amount                     | -120.00    | negative_only_adjustment",
    "costs      | payer                      | cash       | payer.code",
    "costs      | payer                      |            | payer.required",
  })
  void oneBrokenRule(String entity, String column, String value, String rule) {
    Map<String, String> row = goodRow(entity);
    row.put(column, value);
    assertEquals(List.of(rule), brokenRules(entity, List.of(row)).get(0));
  }

  @ParameterizedTest(name = "attendance status {0} with {1} minutes breaks {2}")
  @CsvSource({
    "no_show,     15, minutes_empty_unless_attended",
    "late_cancel, 1,  minutes_empty_unless_attended",
  })
  void minutesOnlyWhenAttended(String status, String minutes, String rule) {
    Map<String, String> row = goodRow("attendance");
    row.put("status", status);
    row.put("minutes_attended", minutes);
    assertEquals(List.of(rule), brokenRules("attendance", List.of(row)).get(0));
  }

  @Test
  void attendanceOutsideTheEpisodesStay() {
    SilverFixture lake = new SilverFixture()
        .episode("e1", "intensive_outpatient", "medicaid", "2025-01-01", "2025-03-01", "completed")
        .session("before", "group_therapy", "2024-12-31", 90)
        .session("after", "group_therapy", "2025-03-02", 90);
    Map<String, String> before = goodRow("attendance");
    before.put("session_id", "before");
    Map<String, String> after = goodRow("attendance");
    after.put("session_id", "after");
    List<List<String>> rules = brokenRules("attendance", List.of(before, after), lake);
    assertEquals(List.of(List.of("session_within_episode"), List.of("session_within_episode")), rules);
  }

  @Test
  void aKeyTwiceInABatchSendsBothRowsToQuarantine() {
    List<List<String>> rules = brokenRules("costs", List.of(goodRow("costs"), goodRow("costs")));
    assertEquals(List.of(List.of("duplicate_key_in_batch"), List.of("duplicate_key_in_batch")), rules);
  }

  @Test
  void goodRowsAndTheirLenientSpellingsAreAccepted() {
    Map<String, String> canonical = goodRow("episodes");
    Map<String, String> lenient = goodRow("episodes");
    lenient.put("episode_id", "e3");
    lenient.put("payment_source", " Medicaid ");
    lenient.put("level_of_care", "INTENSIVE_OUTPATIENT");
    lenient.put("co_occurring_mental_health", "Yes");
    lenient.put("sex", "");
    lenient.put("primary_substance", null);
    lenient.put("prior_treatment_episodes", "");
    Dataset<Row> validated = validate("episodes", List.of(canonical, lenient), LAKE);
    Row row = validated.filter("episode_id = 'e3'").first();
    assertEquals(List.of(), row.getList(row.fieldIndex(RowValidation.BROKEN_RULES)));
    assertEquals("medicaid", row.getAs("payment_source"));
    assertEquals("intensive_outpatient", row.getAs("level_of_care"));
    assertEquals(true, row.getAs("co_occurring_mental_health"));
    assertEquals("unknown", row.getAs("sex"), "empty sex is unknown");
    assertEquals("unknown", row.getAs("primary_substance"), "missing substance is unknown");
    assertEquals(null, row.<Integer>getAs("prior_treatment_episodes"), "empty prior episodes is unknown");
  }

  @Test
  void everyBrokenRuleIsNamed() {
    Map<String, String> row = goodRow("costs");
    row.put("payer", "cash");
    row.put("amount", "1.234");
    row.put("episode_id", "e9");
    assertEquals(List.of("amount.type", "payer.code", "episode_exists"), brokenRules("costs", List.of(row)).get(0));
  }

  private static List<List<String>> brokenRules(String entity, List<Map<String, String>> rows) {
    return brokenRules(entity, rows, LAKE);
  }

  private static List<List<String>> brokenRules(String entity, List<Map<String, String>> rows, SilverFixture lake) {
    return validate(entity, rows, lake).orderBy(RawRecords.RECORD_NUMBER).collectAsList().stream()
        .map(r -> r.<String>getList(r.fieldIndex(RowValidation.BROKEN_RULES)))
        .toList();
  }

  private static Dataset<Row> validate(String entity, List<Map<String, String>> rows, SilverFixture lake) {
    EntitySchema schema = CONTRACT.entity(entity);
    List<Row> raw = new ArrayList<>();
    long line = 2;
    SourceFile file = new SourceFile("batch", entity, entity + ".csv", SourceFile.Format.CSV);
    for (Map<String, String> values : rows) {
      // Through RawRecords.row, as the parsers do: values arrive trimmed, empty ones as null.
      raw.add(RawRecords.row(file, line++, values.toString(), null,
          schema.columnNames().stream().map(values::get).toArray()));
    }
    Map<String, Dataset<Row>> targets = new HashMap<>();
    targets.put("episodes", lake.table("episodes"));
    targets.put("sessions", lake.table("sessions"));
    return RowValidation.validate(
        SparkTestSession.get().createDataFrame(raw, RawRecords.schema(schema)), schema, CONTRACT, targets);
  }
}
