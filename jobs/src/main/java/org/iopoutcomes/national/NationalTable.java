package org.iopoutcomes.national;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of national reference data: its name (that of its schema in {@code schemas/national/}),
 * the staged fields a TEDS-D record needs to count in it, and how it is computed from the staged
 * discharges. The import adds source, imported_at and source_file and checks the columns against the
 * schema.
 */
public interface NationalTable {

  String name();

  /** Staged fields ({@link TedsCodes#LEVEL_OF_CARE}, ...) that must be ok for a record to count. */
  List<String> needs();

  /** The table's rows from the staged discharges ({@link TedsDischarges}); records it cannot use are left out. */
  Dataset<Row> compute(Dataset<Row> discharges);
}
