package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema of a table the pipeline writes (a gold table in {@code schemas/gold/}, or the
 * quarantine and run log in {@code schemas/lake/}). {@code suppression} is null for a table with
 * no dashboard view.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableSchema(
    String table,
    String description,
    String population,
    List<String> dimensions,
    List<String> keys,
    List<TableColumn> columns,
    SuppressionRules suppression) {

  public TableSchema {
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    keys = keys == null ? List.of() : List.copyOf(keys);
  }

  /** Whether the table has a dashboard view (its schema gives suppression rules). */
  public boolean hasDashboardView() {
    return suppression != null;
  }

  public List<String> columnNames() {
    return columns.stream().map(TableColumn::name).toList();
  }

  /** The columns a table's computation yields: all but as_of and run_id, which the publisher adds. */
  public StructType computedSchema() {
    return new StructType(java.util.Arrays.stream(sparkSchema().fields())
        .filter(f -> !f.name().equals("as_of") && !f.name().equals("run_id"))
        .toArray(StructField[]::new));
  }

  public StructType sparkSchema() {
    return DataTypes.createStructType(
        columns.stream()
            .map(c -> new StructField(c.name(), DataType.fromDDL(c.type()), true,
                org.apache.spark.sql.types.Metadata.empty()))
            .toList());
  }
}
