package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.Contract;

/**
 * How one text column of the contract becomes a typed value, and the rules it can break, each as
 * a Spark expression that yields the rule id when broken:
 * {@code <column>.required}, {@code <column>.type}, {@code <column>.code}, {@code <column>.range}.
 * Values come trimmed, with an empty value as null ({@link RawRecords}). Codes are matched lower-cased. {@code invalid} is
 * true where a value is present but not of the column's type or code list.
 */
record ColumnTyping(Column typed, Column invalid, List<Column> problems) {

  static ColumnTyping of(ColumnSpec spec, Column raw, Contract contract) {
    Column value = raw;
    Column parsed = parse(spec, value, contract);
    Column typed = spec.defaultValue() == null ? parsed
        : when(value.isNull(), lit(spec.defaultValue())).otherwise(parsed);

    List<Column> problems = new ArrayList<>();
    if (spec.required()) {
      problems.add(when(value.isNull(), lit(spec.name() + ".required")));
    }
    String typeRule = spec.name() + (spec.isCode() ? ".code" : ".type");
    Column invalid = value.isNotNull().and(parsed.isNull());
    problems.add(when(invalid, lit(typeRule)));
    Column outOfRange = lit(false);
    if (spec.min() != null) {
      outOfRange = outOfRange.or(parsed.lt(spec.min()));
    }
    if (spec.max() != null) {
      outOfRange = outOfRange.or(parsed.gt(spec.max()));
    }
    if (spec.min() != null || spec.max() != null) {
      problems.add(when(parsed.isNotNull().and(outOfRange), lit(spec.name() + ".range")));
    }
    return new ColumnTyping(typed, invalid, problems);
  }

  /** The typed value, or null where the text is not a value of the column's type. */
  private static Column parse(ColumnSpec spec, Column value, Contract contract) {
    return switch (spec.type()) {
      case "string" -> value;
      case "code" -> when(lower(value).isin(contract.codes(spec.codes()).toArray()), lower(value));
      case "date" -> when(value.rlike("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), to_date(value, "yyyy-MM-dd"));
      // Nine digits at most, so that every accepted value fits an int.
      case "integer" -> when(value.rlike("^[+-]?[0-9]{1,9}$"), value.cast(DataTypes.IntegerType));
      case "decimal" -> when(
          value.rlike("^[+-]?[0-9]{1," + (spec.precision() - spec.scale()) + "}(\\.[0-9]{1," + spec.scale() + "})?$"),
          value.cast(DataTypes.createDecimalType(spec.precision(), spec.scale())));
      case "boolean" -> when(lower(value).isin("true", "1", "yes"), lit(true))
          .when(lower(value).isin("false", "0", "no"), lit(false));
      default -> throw new IllegalStateException("column " + spec.name() + " has unknown type " + spec.type());
    };
  }
}
