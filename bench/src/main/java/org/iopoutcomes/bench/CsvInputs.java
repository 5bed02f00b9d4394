package org.iopoutcomes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.iopoutcomes.contract.ColumnSpec;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;

/**
 * The CSV files of the input batches, as DuckDB reads them. An entity of a batch is one file
 * {@code <batch>/<entity>.csv} or a folder {@code <batch>/<entity>/} of part files, each with a header
 * line. Columns and types come from the contract ({@code schemas/input/}), never sniffed; DuckDB
 * takes the columns by position, so every file's header must list the contract's columns in order.
 */
final class CsvInputs {

  /** One input file and the position of its batch in the run (1 = first). */
  record InputFile(String entity, Path path, int batchNo) {}

  private final Contract contract;
  private final List<InputFile> files = new ArrayList<>();

  CsvInputs(Contract contract, List<Path> batches) {
    this.contract = contract;
    for (int i = 0; i < batches.size(); i++) {
      Path batch = batches.get(i).toAbsolutePath().normalize();
      if (!Files.isDirectory(batch)) {
        throw new IllegalArgumentException(batch + ": no such batch folder");
      }
      for (String entity : contract.entityOrder()) {
        for (Path file : entityFiles(batch, entity)) {
          checkHeader(contract.entity(entity), file);
          files.add(new InputFile(entity, file, i + 1));
        }
      }
    }
    for (String entity : contract.entityOrder()) {
      if (files.stream().noneMatch(f -> f.entity().equals(entity))) {
        throw new IllegalArgumentException("no " + entity + " CSV file in " + batches);
      }
    }
  }

  /** {@code VALUES (file, batch_no), ...} for the table input_file of load.sql. */
  String inputFileValues() {
    return files.stream()
        .map(f -> "(" + SqlScript.literal(f.path().toString()) + ", " + f.batchNo() + ")")
        .collect(Collectors.joining(", ", "VALUES ", ""));
  }

  /** The read_csv call over every file of an entity, with the contract's columns and types. */
  String readCsv(String entity) {
    String paths = files.stream().filter(f -> f.entity().equals(entity))
        .map(f -> SqlScript.literal(f.path().toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    String columns = contract.entity(entity).columns().stream()
        .map(c -> SqlScript.literal(c.name()) + ": " + SqlScript.literal(duckDbType(c)))
        .collect(Collectors.joining(", ", "{", "}"));
    return "read_csv(" + paths + ", header = true, auto_detect = false, delim = ',', quote = '\"', "
        + "escape = '\"', dateformat = '%Y-%m-%d', filename = true, columns = " + columns + ")";
  }

  /** The input entities, in the contract's order. */
  List<String> entities() {
    return contract.entityOrder();
  }

  private static String duckDbType(ColumnSpec column) {
    return switch (column.type()) {
      case "date" -> "DATE";
      case "integer" -> "BIGINT";
      case "decimal" -> "DECIMAL(" + column.precision() + ", " + column.scale() + ")";
      // Codes are trimmed and lower-cased in SQL; booleans (true/1/yes...) are not used by the tables.
      case "string", "code", "boolean" -> "VARCHAR";
      default -> throw new IllegalStateException("column " + column.name() + " has unknown type " + column.type());
    };
  }

  private static List<Path> entityFiles(Path batch, String entity) {
    Path single = batch.resolve(entity + ".csv");
    Path folder = batch.resolve(entity);
    List<Path> found = new ArrayList<>();
    if (Files.isRegularFile(single)) {
      found.add(single);
    }
    if (Files.isDirectory(folder)) {
      try (Stream<Path> parts = Files.list(folder)) {
        parts.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
            .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
            .sorted()
            .forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + folder, e);
      }
    }
    return found;
  }

  private static void checkHeader(EntitySchema entity, Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      List<String> names = header == null ? List.of()
          : Stream.of(header.replace("\uFEFF", "").split(",", -1))
              .map(name -> name.replace("\"", "").strip().toLowerCase(Locale.ROOT)).toList();
      if (!names.equals(entity.columnNames())) {
        throw new IllegalArgumentException(file + ": the header must list the contract's columns in order "
            + entity.columnNames() + ", found " + names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
