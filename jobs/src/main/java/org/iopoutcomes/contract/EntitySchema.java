package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** The contract of one input entity: {@code schemas/input/<entity>.json}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntitySchema(
    String entity,
    String description,
    List<String> key,
    List<ColumnSpec> columns,
    List<RowRule> rules,
    List<ReferenceRule> references) {

  public EntitySchema {
    rules = rules == null ? List.of() : List.copyOf(rules);
    references = references == null ? List.of() : List.copyOf(references);
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public List<String> requiredColumnNames() {
    return columns.stream().filter(ColumnSpec::required).map(ColumnSpec::name).toList();
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
