package org.iopoutcomes.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.max;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.EntitySchema;

/**
 * The default cut-off: the latest date found in the run's batches (metrics.md, "The cut-off"),
 * taken over every date column of the rows the run accepted.
 */
public final class CutOff {

  private CutOff() {}

  /** The latest date of the date columns of {@code rows}, whose columns are those of {@code entity}. */
  public static Optional<LocalDate> latestDate(Dataset<Row> rows, EntitySchema entity) {
    List<Column> dates = entity.columns().stream()
        .filter(c -> c.type().equals("date"))
        .map(ColumnSpec::name)
        .map(c -> max(col(c)))
        .toList();
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    Column latest = dates.size() == 1 ? dates.get(0) : greatest(dates.toArray(Column[]::new));
    Row row = rows.agg(latest).first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(((Date) row.get(0)).toLocalDate());
  }
}
