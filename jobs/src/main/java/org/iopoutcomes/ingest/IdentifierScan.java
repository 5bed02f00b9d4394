package org.iopoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.iopoutcomes.contract.Contract;

/**
 * Looks through every field of every record of a file for values that look like direct identifiers
 * (e-mail addresses, social security numbers, phone and fax numbers, URLs, IP addresses: the
 * value_patterns of {@code schemas/identifiers.json}). One is enough to refuse the file before
 * anything is written, with a message that names the file, the column and the line. Columns the
 * contract does not know are searched too: they would otherwise reach the quarantine's raw records.
 */
final class IdentifierScan {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IdentifierScan() {}

  /** A value that looks like an identifier: in which file, where, and what it looks like. */
  record Finding(String file, long line, String column, String identifier) implements Serializable {}

  /**
   * Searches every file of a batch; throws {@link InputRefusedException} naming the first finding
   * (in the files' order). The text files are searched in one Spark job, so that they share the
   * cores; each task stops at its first finding.
   */
  static void check(SparkSession spark, Map<SourceFile, List<String>> headers, Contract contract) {
    Map<String, String> patterns = contract.identifierValuePatterns();
    ValuePatterns valuePatterns = new ValuePatterns(patterns, contract.identifierValuePrefilters());
    List<Finding> found = new ArrayList<>();
    JavaRDD<Finding> textFindings = null;
    for (Map.Entry<SourceFile, List<String>> fileAndHeader : headers.entrySet()) {
      SourceFile file = fileAndHeader.getKey();
      List<String> header = fileAndHeader.getValue();
      JavaRDD<Finding> findings = switch (file.format()) {
        case CSV -> TextLines.read(spark, file.path())
            .filter(line -> line.number() > 1 && !line.isBlank())
            .flatMap(line -> csvFindings(file.path(), line, header, valuePatterns));
        case JSON_LINES -> TextLines.read(spark, file.path())
            .filter(line -> !line.isBlank())
            .flatMap(line -> jsonFindings(file.path(), line, valuePatterns));
        case PARQUET -> null;
      };
      if (findings == null) {
        found.addAll(parquetFindings(spark, file, patterns));
      } else {
        textFindings = textFindings == null ? findings : textFindings.union(findings);
      }
    }
    if (textFindings != null) {
      found.addAll(textFindings.mapPartitions(IdentifierScan::firstOnly).collect());
    }
    List<String> fileOrder = headers.keySet().stream().map(SourceFile::path).toList();
    found.stream()
        .min(java.util.Comparator.<Finding>comparingInt(f -> fileOrder.indexOf(f.file())).thenComparingLong(Finding::line))
        .ifPresent(finding -> {
          SourceFile file = headers.keySet().stream().filter(f -> f.path().equals(finding.file())).findFirst().orElseThrow();
          throw new InputRefusedException(file.path() + ": column '" + finding.column() + "' holds a value that looks "
              + "like a direct identifier (" + finding.identifier() + ", " + (file.format() == SourceFile.Format.PARQUET
                  ? "record " : "line ") + finding.line() + "); the pipeline only takes de-identified data");
        });
  }

  private static Iterator<Finding> firstOnly(Iterator<Finding> findings) {
    return findings.hasNext() ? List.of(findings.next()).iterator() : java.util.Collections.emptyIterator();
  }

  private static Iterator<Finding> csvFindings(String file, TextLines.Line line, List<String> header, ValuePatterns patterns) {
    List<Finding> findings = new ArrayList<>();
    CsvLine.Parsed parsed = CsvLine.parse(line.text());
    List<String> fields = parsed.malformed() ? List.of(line.text()) : parsed.fields();
    for (int i = 0; i < fields.size() && findings.isEmpty(); i++) {
      String column = parsed.malformed() ? "(the whole line)" : i < header.size() ? header.get(i) : "(field " + (i + 1) + ")";
      addFinding(findings, file, line.number(), column, fields.get(i), patterns);
    }
    return findings.iterator();
  }

  private static Iterator<Finding> jsonFindings(String file, TextLines.Line line, ValuePatterns patterns) {
    List<Finding> findings = new ArrayList<>();
    try {
      JsonNode record = JSON.readTree(line.text());
      if (record != null && record.isObject()) {
        record.fields().forEachRemaining(field -> {
          if (findings.isEmpty()) {
            addFinding(findings, file, line.number(), field.getKey(), field.getValue().asText(field.getValue().toString()),
                patterns);
          }
        });
        return findings.iterator();
      }
    } catch (java.io.IOException e) {
      // Not JSON: searched as plain text below, and quarantined later as record.not_json_object.
    }
    addFinding(findings, file, line.number(), "(the whole line)", line.text(), patterns);
    return findings.iterator();
  }

  private static void addFinding(List<Finding> findings, String file, long line, String column, String value,
      ValuePatterns patterns) {
    if (value == null) {
      return;
    }
    for (Map.Entry<String, String> pattern : patterns.identifiers().entrySet()) {
      if (patterns.worthSearching(pattern.getKey(), value) && Patterns.compiled(pattern.getKey()).matcher(value).find()) {
        findings.add(new Finding(file, line, column, pattern.getValue()));
        return;
      }
    }
  }

  /**
   * The value patterns with their cheap pre-tests: a pattern is searched for only in a value that
   * contains one of its strings. Without them the e-mail pattern alone, backtracking from every
   * position of every field, costs more than reading the file.
   */
  private record ValuePatterns(Map<String, String> identifiers, Map<String, List<String>> onlyIfContains)
      implements Serializable {

    boolean worthSearching(String pattern, String value) {
      List<String> needles = onlyIfContains.getOrDefault(pattern, List.of());
      return needles.isEmpty() || needles.stream().anyMatch(needle -> containsIgnoreCase(value, needle));
    }

    private static boolean containsIgnoreCase(String value, String needle) {
      char first = needle.charAt(0);
      if (Character.toLowerCase(first) == Character.toUpperCase(first)) {
        // Not a letter: a plain search finds it (and usually rules the value out at once).
        int at = value.indexOf(first);
        return at >= 0 && (needle.length() == 1 || value.indexOf(needle, at) >= 0
            || regionMatchAnywhere(value, needle, at));
      }
      return regionMatchAnywhere(value, needle, 0);
    }

    private static boolean regionMatchAnywhere(String value, String needle, int from) {
      char lower = Character.toLowerCase(needle.charAt(0));
      char upper = Character.toUpperCase(needle.charAt(0));
      for (int i = from; i + needle.length() <= value.length(); i++) {
        char c = value.charAt(i);
        if ((c == lower || c == upper) && value.regionMatches(true, i, needle, 0, needle.length())) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<Finding> parquetFindings(SparkSession spark, SourceFile file, Map<String, String> patterns) {
    Dataset<Row> parquet = spark.read().parquet(file.path());
    List<Column> hits = new ArrayList<>();
    for (String column : parquet.columns()) {
      Column text = col("`" + column + "`").cast(DataTypes.StringType);
      for (Map.Entry<String, String> pattern : patterns.entrySet()) {
        hits.add(when(text.rlike(pattern.getKey()), lit(column + "\u0000" + pattern.getValue())));
      }
    }
    if (hits.isEmpty()) {
      return List.of();
    }
    List<Row> rows = parquet
        .select(col("_metadata.row_index").plus(1).as("record"),
            org.apache.spark.sql.functions.coalesce(hits.toArray(Column[]::new)).as("hit"))
        .filter(col("hit").isNotNull())
        .limit(1)
        .collectAsList();
    return rows.stream().map(r -> {
      String[] columnAndKind = r.getString(1).split("\u0000");
      return new Finding(file.path(), r.getLong(0), columnAndKind[0], columnAndKind[1]);
    }).toList();
  }

  /** Compiled patterns, once per executor JVM. */
  private static final class Patterns {
    private static final Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    static Pattern compiled(String regex) {
      return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }
  }
}
