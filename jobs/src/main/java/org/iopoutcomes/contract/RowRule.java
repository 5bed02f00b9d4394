package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule over one typed row, written as a Spark SQL predicate in the entity's schema file.
 * The row breaks the rule when the predicate is false; a null result (a value missing or of the
 * wrong type, which other rules report) does not break it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RowRule(String id, String description, String check) {

  /** The entity's columns that the check reads, by name. */
  public List<String> columnsRead(List<String> columns) {
    return columns.stream()
        .filter(c -> Pattern.compile("(?<![\\w.])" + Pattern.quote(c) + "(?!\\w)").matcher(check).find())
        .toList();
  }
}
