package org.iopoutcomes.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;

/**
 * The column names a file declares, checked before anything is read or written: a CSV header
 * and a Parquet schema must name every required column of the contract, and no file may carry a
 * column whose name looks like a direct identifier. A JSON Lines file has no header: the keys of
 * its first record are checked for identifiers; a key it omits is a missing value in that row.
 */
public final class FileHeader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FileHeader() {}

  /** The file's column names, trimmed and lower-cased; throws {@link InputRefusedException} for a refused file. */
  public static List<String> check(SparkSession spark, SourceFile file, Contract contract) {
    List<String> declared = columns(spark, file);
    for (String column : declared) {
      String identifier = contract.identifierKind(column);
      if (identifier != null) {
        throw new InputRefusedException(file.path() + ": column '" + column + "' looks like a direct identifier ("
            + identifier + "); the pipeline only takes de-identified data");
      }
    }
    List<String> columns = declared.stream().map(c -> c.trim().toLowerCase()).toList();
    if (file.format() != SourceFile.Format.JSON_LINES && !columns.isEmpty()) {
      EntitySchema entity = contract.entity(file.entity());
      List<String> missing = entity.requiredColumnNames().stream().filter(c -> !columns.contains(c)).toList();
      if (!missing.isEmpty()) {
        throw new InputRefusedException(file.path() + ": missing required column"
            + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
      }
    }
    return columns;
  }

  /** The column names as the file writes them. */
  private static List<String> columns(SparkSession spark, SourceFile file) {
    return switch (file.format()) {
      case CSV -> csvHeader(spark, file);
      case JSON_LINES -> firstJsonKeys(spark, file);
      case PARQUET -> Arrays.asList(spark.read().parquet(file.path()).columns());
    };
  }

  private static List<String> csvHeader(SparkSession spark, SourceFile file) {
    String first = firstLine(spark, file, false);
    if (first == null) {
      return List.of();
    }
    if (first.isBlank()) {
      throw new InputRefusedException(file.path() + ": the first line is blank; a CSV file starts with its header");
    }
    CsvLine.Parsed header = CsvLine.parse(first.startsWith("\uFEFF") ? first.substring(1) : first);
    if (header.malformed()) {
      throw new InputRefusedException(file.path() + ": the header line is not valid CSV (" + header.error() + ")");
    }
    return header.fields();
  }

  private static List<String> firstJsonKeys(SparkSession spark, SourceFile file) {
    String first = firstLine(spark, file, true);
    List<String> keys = new ArrayList<>();
    if (first != null) {
      try {
        JsonNode record = JSON.readTree(first);
        if (record != null && record.isObject()) {
          record.fieldNames().forEachRemaining(keys::add);
        }
      } catch (IOException e) {
        // A malformed first record is quarantined like any other; it declares no columns.
      }
    }
    return keys;
  }

  private static String firstLine(SparkSession spark, SourceFile file, boolean skipBlank) {
    Path path = new Path(file.path());
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!skipBlank || !line.isBlank()) {
            return line;
          }
        }
        return null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.path(), e);
    }
  }
}
