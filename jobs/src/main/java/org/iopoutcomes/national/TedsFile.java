package org.iopoutcomes.national;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.ingest.InputRefusedException;

/**
 * The TEDS-D public-use CSV, read as text: the edge where the file comes in. The header is checked
 * first (the file must exist, must not be the 2006–2014 file, and must name every required column)
 * and becomes an explicit all-string schema, so Spark never guesses a type. The result holds the
 * columns {@code teds_d.json} names, under their TEDS-D names; an optional column the file lacks is
 * null.
 */
final class TedsFile {

  private TedsFile() {}

  static Dataset<Row> read(SparkSession spark, String path, TedsCodes codes) {
    Map<String, String> header = header(spark, path);
    refuseOlderFile(path, header, codes);
    requireColumns(path, header, codes);
    StructType allText = new StructType(header.values().stream()
        .map(name -> new StructField(name, DataTypes.StringType, true, Metadata.empty()))
        .toArray(StructField[]::new));
    Dataset<Row> rows = spark.read()
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .schema(allText)
        .csv(path);
    List<Column> columns = new ArrayList<>();
    for (TedsCodes.FileColumn column : codes.columns()) {
      String name = header.get(column.column().toUpperCase(Locale.ROOT));
      columns.add((name == null ? lit(null).cast(DataTypes.StringType) : col("`" + name + "`")).as(column.column()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** The header's column names, keyed by their upper-case form; a missing file is refused here. */
  private static Map<String, String> header(SparkSession spark, String path) {
    Path file = new Path(path);
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(file)) {
        throw new IllegalArgumentException(path + ": no such file");
      }
      if (fs.getFileStatus(file).isDirectory()) {
        throw new IllegalArgumentException(path + ": is a folder, not a TEDS-D CSV file");
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
          throw new InputRefusedException(path + ": empty file, no header row");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String name : line.replace("\uFEFF", "").split(",", -1)) {
          String clean = name.trim().replaceAll("^\"|\"$", "").trim();
          names.put(clean.toUpperCase(Locale.ROOT), clean);
        }
        return names;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot read the file", e);
    }
  }

  private static void refuseOlderFile(String path, Map<String, String> header, TedsCodes codes) {
    for (String column : codes.olderFileColumns()) {
      if (header.containsKey(column.toUpperCase(Locale.ROOT))) {
        throw new InputRefusedException(path + ": this is the 2006-2014 TEDS-D file (it has column " + column
            + "); its AGE and PRIMPAY codes differ from the " + codes.firstSupportedDischargeYear()
            + "-and-later files, the only ones import-teds reads");
      }
    }
  }

  private static void requireColumns(String path, Map<String, String> header, TedsCodes codes) {
    List<String> missing = codes.columns().stream()
        .filter(c -> c.required() && !header.containsKey(c.column().toUpperCase(Locale.ROOT)))
        .map(TedsCodes.FileColumn::column)
        .toList();
    if (!missing.isEmpty()) {
      throw new InputRefusedException(path + ": not a TEDS-D discharges file: no column " + String.join(", ", missing));
    }
  }
}
