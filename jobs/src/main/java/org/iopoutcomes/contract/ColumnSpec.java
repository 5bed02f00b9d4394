package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One column of an input entity, as declared in {@code schemas/input/<entity>.json}.
 *
 * @param type one of {@code string, code, date, integer, boolean, decimal}
 * @param codes for a code column, the name of its code list in {@code schemas/codes.json}
 * @param defaultValue for a code column, the code an empty value stands for
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ColumnSpec(
    String name,
    String type,
    boolean required,
    String codes,
    @JsonProperty("default") String defaultValue,
    Long min,
    Long max,
    Integer precision,
    Integer scale,
    String description) {

  public boolean isCode() {
    return "code".equals(type);
  }

  /** A sentence for the data dictionary that says what a valid value looks like. */
  public String ruleText() {
    StringBuilder text = new StringBuilder(required ? "required" : "optional");
    switch (type) {
      case "date" -> text.append("; a date yyyy-MM-dd");
      case "integer" -> text.append("; a whole number");
      case "boolean" -> text.append("; true/false, 1/0 or yes/no");
      case "decimal" -> text.append("; a decimal with at most ").append(scale).append(" places");
      case "code" -> text.append("; a code of the list ").append(codes);
      default -> { }
    }
    if (min != null) text.append("; at least ").append(min);
    if (max != null) text.append("; at most ").append(max);
    if (defaultValue != null) text.append("; empty means ").append(defaultValue);
    return text.toString();
  }
}
