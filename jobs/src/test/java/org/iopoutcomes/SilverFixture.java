package org.iopoutcomes;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.facts.FactsBuilder;
import org.iopoutcomes.ingest.SilverTables;

/**
 * Hand-written silver rows for metric tests: "these input rows → these output rows". Columns are
 * set by name; the rest stay empty, with the contract's defaults. The rows are typed with the
 * silver schemas that the contract derives, so the facts see exactly what a run would give them.
 */
public final class SilverFixture {

  private final Map<String, List<Map<String, Object>>> rows = new HashMap<>();

  public SilverFixture episode(String id, String level, String payer, String admitted, String discharged,
      String reason) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("episode_id", id);
    row.put("person_id", "p-" + id);
    row.put("program_id", "prg-test");
    row.put("level_of_care", level);
    row.put("payment_source", payer);
    row.put("admission_date", date(admitted));
    row.put("discharge_date", date(discharged));
    row.put("discharge_reason", reason);
    row.put("age_group", "25-34");
    row.put("sex", "unknown");
    row.put("primary_substance", "unknown");
    return add("episodes", row);
  }

  public SilverFixture session(String id, String component, String date, int scheduledMinutes) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("session_id", id);
    row.put("program_id", "prg-test");
    row.put("program_component", component);
    row.put("session_date", date(date));
    row.put("scheduled_minutes", scheduledMinutes);
    row.put("delivery_mode", "in_person");
    return add("sessions", row);
  }

  public SilverFixture invite(String session, String episode, String status, Integer minutes) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("session_id", session);
    row.put("episode_id", episode);
    row.put("status", status);
    row.put("minutes_attended", minutes);
    return add("attendance", row);
  }

  /** A charge; {@code session} null for an episode-level charge. */
  public SilverFixture charge(String id, String episode, String session, String date, String category,
      String amount, String payer) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("cost_id", id);
    row.put("episode_id", episode);
    row.put("session_id", session);
    row.put("service_date", date(date));
    row.put("cost_category", category);
    row.put("amount", new BigDecimal(amount));
    row.put("payer", payer);
    return add("costs", row);
  }

  /** Sets a column of the row added last to {@code entity}. */
  public SilverFixture set(String entity, String column, Object value) {
    List<Map<String, Object>> entityRows = rows.get(entity);
    entityRows.get(entityRows.size() - 1).put(column, value);
    return this;
  }

  public Dataset<Row> table(String entity) {
    SparkSession spark = SparkTestSession.get();
    StructType schema = SilverTables.schema(Contract.load().entity(entity));
    List<Row> typed = new ArrayList<>();
    long number = 1;
    for (Map<String, Object> values : rows.getOrDefault(entity, List.of())) {
      Object[] cells = new Object[schema.fields().length];
      int i = 0;
      for (StructField field : schema.fields()) {
        cells[i++] = switch (field.name()) {
          case "batch" -> "fixture";
          case "source_file" -> entity + ".csv";
          case "record_number" -> number;
          case "run_id" -> "fixture-run";
          default -> values.get(field.name());
        };
      }
      number++;
      typed.add(RowFactory.create(cells));
    }
    return spark.createDataFrame(typed, schema);
  }

  public Facts facts(String asOf) {
    return FactsBuilder.build(table("episodes"), table("sessions"), table("attendance"), table("costs"),
        LocalDate.parse(asOf));
  }

  private SilverFixture add(String entity, Map<String, Object> row) {
    rows.computeIfAbsent(entity, e -> new ArrayList<>()).add(row);
    return this;
  }

  private static Date date(String text) {
    return text == null ? null : Date.valueOf(text);
  }
}
