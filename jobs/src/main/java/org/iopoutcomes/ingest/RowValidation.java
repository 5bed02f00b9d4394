package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.contract.ReferenceRule;
import org.iopoutcomes.contract.RowRule;

/**
 * Types the raw records of one entity and checks every rule of its contract: column types, codes,
 * required values and ranges ({@link ColumnTyping}), the row rules of its schema, references to
 * accepted rows of other entities, and keys that appear twice in the batch. The result has the
 * typed columns and {@value #BROKEN_RULES}: the ids of every rule the row broke, empty when the
 * row is accepted.
 */
public final class RowValidation {

  public static final String BROKEN_RULES = "broken_rules";
  public static final String DUPLICATE_KEY = "duplicate_key_in_batch";

  private static final List<String> META = List.of(RawRecords.BATCH, RawRecords.ENTITY,
      RawRecords.SOURCE_FILE, RawRecords.RECORD_NUMBER, RawRecords.RAW_RECORD, RawRecords.MALFORMED);
  private static final String COLUMN_PROBLEMS = "_column_problems";

  private RowValidation() {}

  /**
   * @param raw the entity's records from every file of the batch ({@link RawRecords#schema})
   * @param referenceTargets for each entity this one references, its accepted typed rows
   */
  public static Dataset<Row> validate(Dataset<Row> raw, EntitySchema entity, Contract contract,
      Map<String, Dataset<Row>> referenceTargets) {
    Dataset<Row> typed = raw.select(typedColumns(raw, entity, contract));
    List<Column> problems = new ArrayList<>();
    for (ReferenceRule reference : entity.references()) {
      typed = joinReference(typed, reference, contract.entity(reference.entity()), referenceTargets.get(reference.entity()));
      problems.add(when(referenceBroken(reference), lit(reference.id())));
    }
    for (RowRule rule : entity.rules()) {
      problems.add(when(judged(rule, entity).and(coalesce(expr(rule.check()), lit(true)).equalTo(false)),
          lit(rule.id())));
    }
    problems.add(when(duplicateKey(entity), lit(DUPLICATE_KEY)));

    Column broken = array_compact(concat(col(COLUMN_PROBLEMS), array(problems.toArray(Column[]::new))));
    List<Column> output = new ArrayList<>();
    META.stream().filter(c -> !c.equals(RawRecords.MALFORMED)).forEach(c -> output.add(col(c)));
    entity.columnNames().forEach(c -> output.add(col(c)));
    output.add(when(col(RawRecords.MALFORMED).isNotNull(), array(col(RawRecords.MALFORMED)))
        .otherwise(broken).as(BROKEN_RULES));
    // Only the quarantine keeps the record as read: accepted rows drop it, which halves what is cached.
    return typed.select(output.toArray(Column[]::new))
        .withColumn(RawRecords.RAW_RECORD, when(not(accepted()), col(RawRecords.RAW_RECORD)));
  }

  private static Column[] typedColumns(Dataset<Row> raw, EntitySchema entity, Contract contract) {
    List<Column> columns = new ArrayList<>();
    META.forEach(c -> columns.add(raw.col(c)));
    List<Column> problems = new ArrayList<>();
    for (ColumnSpec spec : entity.columns()) {
      ColumnTyping typing = ColumnTyping.of(spec, raw.col(spec.name()), contract);
      columns.add(typing.typed().as(spec.name()));
      columns.add(typing.invalid().as(invalidFlag(spec.name())));
      problems.addAll(typing.problems());
    }
    columns.add(array(problems.toArray(Column[]::new)).as(COLUMN_PROBLEMS));
    return columns.toArray(Column[]::new);
  }

  /**
   * A row rule is judged only on valid values: where a column it reads holds a value of the wrong
   * type, that is reported once, by the column's type rule, and the row rule stays silent.
   */
  private static Column judged(RowRule rule, EntitySchema entity) {
    Column judged = lit(true);
    for (String column : rule.columnsRead(entity.columnNames())) {
      judged = judged.and(col(invalidFlag(column)).equalTo(false));
    }
    return judged;
  }

  private static String invalidFlag(String column) {
    return "_invalid_" + column;
  }

  /** Brings the referenced row's lookup columns in as a struct named by the reference's alias. */
  private static Dataset<Row> joinReference(Dataset<Row> rows, ReferenceRule reference, EntitySchema target,
      Dataset<Row> targetRows) {
    List<Column> lookup = new ArrayList<>();
    lookup.add(lit(true).as("found"));
    reference.lookup().forEach(c -> lookup.add(col(c)));
    List<Column> targetColumns = new ArrayList<>();
    Column condition = lit(true);
    for (int i = 0; i < reference.columns().size(); i++) {
      String keyAlias = "_" + reference.alias() + "_key" + i;
      targetColumns.add(col(target.key().get(i)).as(keyAlias));
      condition = condition.and(rows.col(reference.columns().get(i)).equalTo(col(keyAlias)));
    }
    targetColumns.add(struct(lookup.toArray(Column[]::new)).as(reference.alias()));
    Dataset<Row> keyed = targetRows.select(targetColumns.toArray(Column[]::new));
    Dataset<Row> joined = rows.join(keyed, condition, "left");
    for (int i = 0; i < reference.columns().size(); i++) {
      joined = joined.drop("_" + reference.alias() + "_key" + i);
    }
    return joined;
  }

  private static Column referenceBroken(ReferenceRule reference) {
    Column allSet = lit(true);
    for (String column : reference.columns()) {
      allSet = allSet.and(col(column).isNotNull());
    }
    return allSet.and(col(reference.alias() + ".found").isNull());
  }

  private static Column duplicateKey(EntitySchema entity) {
    Column keySet = lit(true);
    for (String key : entity.key()) {
      keySet = keySet.and(col(key).isNotNull());
    }
    Column[] keys = entity.key().stream().map(k -> col(k)).toArray(Column[]::new);
    Column rowsWithKey = count(lit(1)).over(Window.partitionBy(keys));
    return keySet.and(rowsWithKey.gt(1));
  }

  /** True for rows that broke no rule. */
  public static Column accepted() {
    return org.apache.spark.sql.functions.size(col(BROKEN_RULES)).equalTo(0);
  }
}
