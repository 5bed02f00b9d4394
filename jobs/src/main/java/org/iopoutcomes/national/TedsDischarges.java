package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.Contract;

/**
 * Staging: one row per TEDS-D record, its codes mapped onto ours through {@code teds_d.json} and
 * nothing else decided. Each mapped field comes with {@code <field>_status}: {@code ok},
 * {@code missing} (-9 or empty) or {@code unknown} (a value the codebook mapping does not list);
 * the field itself is null unless the status is ok. The tables decide which fields they need.
 * <pre>
 * DISYR=2019 SERVICES_D=6 REASON=1 LOS=33 PRIMPAY=-9
 *   → discharge_year 2019, level_of_care intensive_outpatient, discharge_reason completed,
 *     los_min_days 61, los_max_days 90, payment_source null (payment_source_status missing)
 * </pre>
 * The mapping is applied with map literals built from the JSON: no data leaves the executors.
 */
public final class TedsDischarges {

  public static final String OK = "ok";
  public static final String MISSING = "missing";
  public static final String UNKNOWN = "unknown";

  /** Staged LOS: the lowest and highest day count the LOS code stands for (max null = open-ended). */
  public static final String LOS_MIN_DAYS = "los_min_days";
  public static final String LOS_MAX_DAYS = "los_max_days";

  private TedsDischarges() {}

  public static String status(String field) {
    return field + "_status";
  }

  /** True for a record whose every listed field is ok (set and mappable). */
  public static Column usable(List<String> fields) {
    Column usable = lit(true);
    for (String field : fields) {
      usable = usable.and(col(status(field)).equalTo(OK));
    }
    return usable;
  }

  /** The raw text columns of {@link TedsFile} → one staged row per record. */
  public static Dataset<Row> stage(Dataset<Row> raw, TedsCodes codes) {
    List<Column> columns = new ArrayList<>();
    for (TedsCodes.FileColumn column : codes.columns()) {
      columns.addAll(stage(column, codes));
    }
    return raw.select(columns.toArray(Column[]::new));
  }

  private static List<Column> stage(TedsCodes.FileColumn column, TedsCodes codes) {
    Column value = trim(col(column.column()));
    Column missing = value.isNull().or(value.equalTo("")).or(value.isin(codes.missingCodes().toArray()));
    String field = column.field();
    if (column.kind() == null) {
      return List.of(when(not(missing), value).as(field));
    }
    return switch (column.kind()) {
      case "code" -> {
        Column mapped = try_element_at(literal(column.codes(), v -> lit(v)), value).cast(episodeType(field));
        yield List.of(mapped.as(field), status(missing, mapped).as(status(field)));
      }
      case "year" -> {
        Column year = when(value.rlike("^[0-9]{4}$"), value.cast(DataTypes.IntegerType));
        yield List.of(year.as(field), status(missing, year).as(status(field)));
      }
      case "days" -> {
        Map<String, TedsCodes.DayRange> los = codes.losCodes();
        Column min = try_element_at(literal(los, r -> lit(r.minDays())), value);
        Column max = try_element_at(literal(los, r -> lit(r.maxDays()).cast(DataTypes.IntegerType)), value);
        yield List.of(min.as(LOS_MIN_DAYS), max.as(LOS_MAX_DAYS), status(missing, min).as(status(field)));
      }
      default -> throw new IllegalStateException("teds_d.json: unknown kind " + column.kind() + " of " + column.column());
    };
  }

  private static Column status(Column missing, Column mapped) {
    return when(missing, lit(MISSING)).when(mapped.isNull(), lit(UNKNOWN)).otherwise(lit(OK));
  }

  /** A Spark map literal: TEDS-D code → value. */
  private static <V> Column literal(Map<String, V> codes, Function<V, Column> value) {
    List<Column> entries = new ArrayList<>();
    codes.forEach((code, v) -> {
      entries.add(lit(code));
      entries.add(value.apply(v));
    });
    return map(entries.toArray(Column[]::new));
  }

  /** The type of our episodes column of that name (boolean, integer), so staged rows match it. */
  private static DataType episodeType(String field) {
    String type = Contract.load().entity("episodes").column(field).map(ColumnSpec::type).orElse("string");
    return switch (type) {
      case "boolean" -> DataTypes.BooleanType;
      case "integer" -> DataTypes.IntegerType;
      default -> DataTypes.StringType;
    };
  }
}
