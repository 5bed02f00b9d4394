package org.iopoutcomes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;

/**
 * The five core gold tables of metrics.md ({@link #TABLES}) computed by plain SQL in an in-memory
 * DuckDB, straight from the CSV input batches: {@code duckdb/load.sql} reads the batches (a later
 * batch's row replaces an earlier one with the same key, as the pipeline's merge does) and builds the
 * episode facts at the cut-off; {@code duckdb/<table>.sql} computes each table. A second, independent
 * implementation of the metrics to time and to check the Spark pipeline against.
 *
 * <p>The input must be contract-valid: there is no quarantine here, and a value of the wrong type
 * stops the load.
 */
public final class DuckDbGold {

  /** The tables computed, in the order of the manifest. */
  public static final List<String> TABLES =
      List.of("completion", "retention", "attendance", "cost_per_outcome", "cost_by_payer");

  /**
   * How DuckDB may use the machine.
   *
   * @param threads worker threads
   * @param memoryLimit DuckDB's memory_limit, e.g. {@code "8GB"}; beyond it DuckDB spills to disk
   * @param spillDirectory where it spills (null: a new temporary folder)
   */
  public record Settings(int threads, String memoryLimit, Path spillDirectory) {

    /** Every core, and half the machine's memory (the rest is left to the JVM and its neighbours). */
    public static Settings forThisMachine() {
      long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
          .getTotalMemorySize();
      long megabytes = Math.max(1024, bytes / 2 / (1024 * 1024));
      return new Settings(Runtime.getRuntime().availableProcessors(), megabytes + "MB", null);
    }

    /** Every core and the given memory: the bench gives DuckDB the Spark JVM's heap limit, for a fair race. */
    public static Settings withMemory(long bytes) {
      return new Settings(Runtime.getRuntime().availableProcessors(), Math.max(1, bytes / (1024 * 1024)) + "MB", null);
    }
  }

  /** One computed table: its rows (column name to value, see {@link GoldValues}) and how long it took. */
  public record TableResult(String table, List<Map<String, Object>> rows, double seconds) {}

  /**
   * What a computation gave.
   *
   * @param asOf the cut-off used
   * @param loadSeconds reading the batches and building the episode facts
   * @param tables by table name, in the order of {@link #TABLES}
   */
  public record Result(LocalDate asOf, double loadSeconds, Map<String, TableResult> tables) {

    public List<Map<String, Object>> rows(String table) {
      return tables.get(table).rows();
    }

    /** Load and every table. */
    public double totalSeconds() {
      return loadSeconds + tables.values().stream().mapToDouble(TableResult::seconds).sum();
    }
  }

  private final Contract contract;
  private final Settings settings;

  public DuckDbGold(Contract contract, Settings settings) {
    this.contract = contract;
    this.settings = settings;
  }

  /** With the bundled contract and {@link Settings#forThisMachine()}. */
  public DuckDbGold() {
    this(Contract.load(), Settings.forThisMachine());
  }

  /**
   * Computes the tables from the batches, applied in order.
   *
   * @param asOf the cut-off; null for the default, the latest date found in the batches
   */
  public Result compute(List<Path> batches, LocalDate asOf) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("no input batch given");
    }
    long start = System.nanoTime();
    CsvInputs inputs = new CsvInputs(contract, batches);
    Path spill = settings.spillDirectory() != null ? settings.spillDirectory() : newSpillDirectory();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      configure(statement, spill);
      for (String sql : SqlScript.named("load").fill(loadValues(inputs, asOf)).statements()) {
        statement.execute(sql);
      }
      LocalDate cutOff = cutOff(statement);
      double loadSeconds = seconds(start);
      Map<String, TableResult> tables = new LinkedHashMap<>();
      for (String table : TABLES) {
        long tableStart = System.nanoTime();
        List<Map<String, Object>> rows = query(statement, table);
        tables.put(table, new TableResult(table, rows, seconds(tableStart)));
      }
      return new Result(cutOff, loadSeconds, tables);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed on " + batches + ": " + e.getMessage(), e);
    } finally {
      if (settings.spillDirectory() == null) {
        deleteQuietly(spill);
      }
    }
  }

  private void configure(Statement statement, Path spill) throws SQLException {
    statement.execute("SET threads = " + settings.threads());
    statement.execute("SET memory_limit = " + SqlScript.literal(settings.memoryLimit()));
    statement.execute("SET temp_directory = " + SqlScript.literal(spill.toString()));
    // Row order means nothing here; without it DuckDB needs less memory for large loads.
    statement.execute("SET preserve_insertion_order = false");
  }

  private static Map<String, String> loadValues(CsvInputs inputs, LocalDate asOf) {
    Map<String, String> values = new HashMap<>();
    values.put("input_files", inputs.inputFileValues());
    for (String entity : inputs.entities()) {
      values.put(entity + "_csv", inputs.readCsv(entity));
    }
    values.put("as_of", asOf == null ? "CAST(NULL AS DATE)" : "DATE " + SqlScript.literal(asOf.toString()));
    return values;
  }

  private static LocalDate cutOff(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery("SELECT CAST(as_of AS VARCHAR) FROM cut_off")) {
      result.next();
      String asOf = result.getString(1);
      if (asOf == null) {
        throw new IllegalArgumentException("the batches hold no date to take the cut-off from; give as_of");
      }
      return LocalDate.parse(asOf);
    }
  }

  /** Runs a table's query; its columns must be those of the table's schema (as_of and run_id aside). */
  private List<Map<String, Object>> query(Statement statement, String table) throws SQLException {
    TableSchema schema = contract.table(table);
    Map<String, TableColumn> columns = new LinkedHashMap<>();
    for (String name : schema.computedSchema().fieldNames()) {
      columns.put(name, schema.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(SqlScript.named(table).singleStatement())) {
      ResultSetMetaData meta = result.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnLabel(i));
      }
      if (!new java.util.HashSet<>(names).equals(columns.keySet())) {
        throw new IllegalStateException(table + ".sql gives columns " + names + ", the schema has " + columns.keySet());
      }
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (TableColumn column : columns.values()) {
          row.put(column.name(), GoldValues.of(column, result.getObject(column.name())));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static Path newSpillDirectory() {
    try {
      return Files.createTempDirectory("duckdb-spill");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for DuckDB to spill to", e);
    }
  }

  /** Removes the spill folder this computation made (DuckDB removes its own files on close). */
  private static void deleteQuietly(Path folder) {
    try (java.util.stream.Stream<Path> left = Files.walk(folder)) {
      left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless.
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
