package org.iopoutcomes.metrics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.facts.Facts;

/**
 * A gold table of metrics.md: its name (that of its schema in {@code schemas/gold/}) and how it is
 * computed from the facts. The publisher adds as_of and run_id and checks the columns against the
 * schema.
 */
public interface GoldTable {

  String name();

  Dataset<Row> compute(Facts facts);
}
