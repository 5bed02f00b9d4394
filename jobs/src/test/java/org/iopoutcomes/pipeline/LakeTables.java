package org.iopoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.DataFrameAssertions;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;

/** Compares every table of two lakes, leaving out what differs between runs by design. */
final class LakeTables {

  private LakeTables() {}

  /** Paths of the silver, quarantine and gold tables, by name. */
  static List<String[]> tables(Lake lake) {
    Contract contract = Contract.load();
    List<String[]> tables = new ArrayList<>();
    contract.entityOrder().forEach(e -> tables.add(new String[] {"silver_" + e, lake.silver(e)}));
    tables.add(new String[] {"quarantine", lake.quarantine()});
    contract.goldTableNames().forEach(t -> tables.add(new String[] {t, lake.gold(t)}));
    return tables;
  }

  /** Same rows in every table, apart from run ids. */
  static void assertSameContents(Lake expected, Lake actual) {
    List<String[]> expectedTables = tables(expected);
    List<String[]> actualTables = tables(actual);
    for (int i = 0; i < expectedTables.size(); i++) {
      String name = expectedTables.get(i)[0];
      assertEquals(expected.exists(expectedTables.get(i)[1]), actual.exists(actualTables.get(i)[1]), name + " exists");
      if (expected.exists(expectedTables.get(i)[1])) {
        Dataset<Row> want = withoutRunId(expected.read(expectedTables.get(i)[1]));
        Dataset<Row> got = withoutRunId(actual.read(actualTables.get(i)[1]));
        DataFrameAssertions.assertSameRows(name, want, got, 1e-9);
      }
    }
  }

  static Lake lake(String prefix) {
    return new Lake(SparkTestSession.get(), SparkTestSession.tempDir(prefix).toString());
  }

  /** A copy of a whole lake in a new folder. */
  static Lake copy(Lake lake, String prefix) {
    Path from = Path.of(lake.root());
    Path to = SparkTestSession.tempDir(prefix);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Lake(SparkTestSession.get(), to.toString());
  }

  private static Dataset<Row> withoutRunId(Dataset<Row> table) {
    // Lists of rule ids and raw records compare as text.
    Dataset<Row> rows = table.drop("run_id");
    if (List.of(rows.columns()).contains("broken_rules")) {
      rows = rows.withColumn("broken_rules", org.apache.spark.sql.functions.concat_ws(";", rows.col("broken_rules")));
    }
    return rows;
  }
}
