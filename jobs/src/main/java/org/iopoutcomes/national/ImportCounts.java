package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an import read: the records, the discharge years, how many records each table used, and how
 * many records had each field missing or unknown. Computed in one aggregation over the staged
 * discharges; only the one row of counts comes back to the driver.
 *
 * @param problems per field and status ({@code missing}, {@code unknown}): the number of records
 * @param used per table: the records it counts
 */
public record ImportCounts(long read, Integer firstYear, Integer lastYear,
    Map<String, Map<String, Long>> problems, Map<String, Long> used) {

  private static final List<String> PROBLEMS = List.of(TedsDischarges.MISSING, TedsDischarges.UNKNOWN);

  public static ImportCounts of(Dataset<Row> discharges, List<NationalTable> tables) {
    Set<String> fields = new LinkedHashSet<>();
    tables.forEach(t -> fields.addAll(t.needs()));
    fields.add(TedsCodes.PAYMENT_SOURCE);
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(count(lit(1)).as("read"));
    Column year = when(TedsDischarges.usable(List.of(TedsCodes.DISCHARGE_YEAR)), col(TedsCodes.DISCHARGE_YEAR));
    aggregates.add(min(year).as("first_year"));
    aggregates.add(max(year).as("last_year"));
    for (String field : fields) {
      for (String problem : PROBLEMS) {
        aggregates.add(count_if(col(TedsDischarges.status(field)).equalTo(problem)).as(field + "__" + problem));
      }
    }
    for (NationalTable table : tables) {
      aggregates.add(count_if(TedsDischarges.usable(table.needs())).as("used__" + table.name()));
    }
    Row row = discharges.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    Map<String, Map<String, Long>> problems = new LinkedHashMap<>();
    for (String field : fields) {
      Map<String, Long> byStatus = new LinkedHashMap<>();
      PROBLEMS.forEach(p -> byStatus.put(p, row.<Long>getAs(field + "__" + p)));
      problems.put(field, byStatus);
    }
    Map<String, Long> used = new LinkedHashMap<>();
    tables.forEach(t -> used.put(t.name(), row.<Long>getAs("used__" + t.name())));
    return new ImportCounts(row.<Long>getAs("read"), row.getAs("first_year"), row.getAs("last_year"), problems, used);
  }

  /** "discharge years 2019-2020", or "no discharge year" for a file without one. */
  public String years() {
    return firstYear == null ? "no discharge year" : "discharge years " + firstYear + "-" + lastYear;
  }

  public long leftOut(String table) {
    return read - used.get(table);
  }

  /** Records whose field has the status ({@code missing} or {@code unknown}). */
  public long problem(String field, String status) {
    return problems.get(field).get(status);
  }

  /**
   * What the import prints, e.g.
   * <pre>
   * national_completion: 31 records used, 5 left out (DISYR missing 1, SERVICES_D unknown code 1, ...)
   * </pre>
   * A record left out for two reasons is counted under each.
   */
  public List<String> report(List<NationalTable> tables, TedsCodes codes) {
    List<String> lines = new ArrayList<>();
    for (NationalTable table : tables) {
      List<String> reasons = reasons(table.needs(), codes);
      lines.add(String.format("%s: %,d records used, %,d left out%s", table.name(), used.get(table.name()),
          leftOut(table.name()), reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
    }
    List<String> payer = reasons(List.of(TedsCodes.PAYMENT_SOURCE), codes);
    if (!payer.isEmpty()) {
      lines.add("kept in payment_source = all only, in no payer's row: " + String.join(", ", payer));
    }
    return lines;
  }

  private List<String> reasons(List<String> fields, TedsCodes codes) {
    List<String> reasons = new ArrayList<>();
    for (String field : fields) {
      TedsCodes.FileColumn column = codes.column(field);
      long missing = problem(field, TedsDischarges.MISSING);
      long unknown = problem(field, TedsDischarges.UNKNOWN);
      if (missing > 0) {
        reasons.add(String.format("%s missing %,d", column.column(), missing));
      }
      if (unknown > 0) {
        String what = "year".equals(column.kind()) ? "not a year" : "unknown code";
        reasons.add(String.format("%s %s %,d", column.column(), what, unknown));
      }
    }
    return reasons;
  }
}
