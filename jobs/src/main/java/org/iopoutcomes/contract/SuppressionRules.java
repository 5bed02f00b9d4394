package org.iopoutcomes.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small-cell suppression rules of a dashboard table: the {@code "suppression"} object of its
 * schema file. A table without one has no dashboard view (a research table, shown at full precision
 * to researchers only). See docs/measures/small-cell-suppression.md.
 *
 * @param counts the count columns: each hidden when 1 to min_cell_size − 1
 * @param remainders counts that are not columns but follow from them (total minus parts): they are
 *     protected like counts, and never shown
 * @param sums money and hours: hidden wherever one of their counts is hidden
 * @param dependents columns computed from the measures they list (rates, intervals, ratios): hidden
 *     when any of them is; {@code "amount[payer=all]"} names the amount of the row whose payer is all
 *     and whose other keys are this row's
 * @param suppressedWith another dashboard table that holds some of the same counts over the same rows
 *     (cost_per_outcome and completion both count the discharged and completed episodes of each
 *     cell): the two are suppressed as one table, so that a count hidden in one is hidden in both
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuppressionRules(
    Map<String, Count> counts,
    Map<String, Remainder> remainders,
    Map<String, Sum> sums,
    Map<String, List<String>> dependents,
    @JsonProperty("suppressed_with") String suppressedWith) {

  public SuppressionRules {
    counts = ordered(counts);
    remainders = ordered(remainders);
    sums = ordered(sums);
    dependents = ordered(dependents);
  }

  /**
   * A count column. {@code additive_over}: the dimensions along which the {@code all} row is the sum
   * of the other rows (the dimension partitions what is counted).
   */
  /** Rules without a table to be suppressed with. */
  public SuppressionRules(Map<String, Count> counts, Map<String, Remainder> remainders, Map<String, Sum> sums,
      Map<String, List<String>> dependents) {
    this(counts, remainders, sums, dependents, null);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Count(@JsonProperty("additive_over") List<String> additiveOver) {
    public Count {
      additiveOver = additiveOver == null ? List.of() : List.copyOf(additiveOver);
    }
  }

  /** A count implied by the columns: {@code total} minus the {@code parts}, in the same row. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Remainder(String total, List<String> parts, String description) {
    public Remainder {
      parts = parts == null ? List.of() : List.copyOf(parts);
    }
  }

  /** A sum (money, hours), additive like a count, hidden wherever one of {@code hidden_with} is. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Sum(@JsonProperty("additive_over") List<String> additiveOver,
      @JsonProperty("hidden_with") List<String> hiddenWith) {
    public Sum {
      additiveOver = additiveOver == null ? List.of() : List.copyOf(additiveOver);
      hiddenWith = hiddenWith == null ? List.of() : List.copyOf(hiddenWith);
    }
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
