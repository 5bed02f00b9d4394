package org.iopoutcomes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file of {@code src/main/resources/duckdb/}: its text with the {@code ${name}} placeholders
 * filled in, cut into statements. Whole-line {@code --} comments are dropped; a statement ends with
 * a semicolon at the end of a line.
 */
final class SqlScript {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private final String name;
  private final String text;

  private SqlScript(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /** {@code duckdb/<name>.sql} from the classpath. */
  static SqlScript named(String name) {
    String resource = "duckdb/" + name + ".sql";
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL file missing from the classpath: " + resource);
      }
      return new SqlScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The script with every placeholder replaced; a placeholder without a value is an error. */
  SqlScript fill(Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + ".sql: no value for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return new SqlScript(name, filled.toString());
  }

  List<String> statements() {
    String code = text.lines()
        .filter(line -> !line.strip().startsWith("--"))
        .reduce("", (all, line) -> all + line + "\n");
    return Arrays.stream(code.split(";[ \t]*(\n|$)"))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty())
        .toList();
  }

  /** The script as one statement (a gold table's query). */
  String singleStatement() {
    List<String> statements = statements();
    if (statements.size() != 1) {
      throw new IllegalStateException(name + ".sql: expected one statement, found " + statements.size());
    }
    return statements.get(0);
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
