package org.iopoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.iopoutcomes.SampleLake;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.DashboardViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code outcomes sql-server} as a BI tool sees it: the command runs in a thread of the test JVM on
 * the shared Spark session, serving a copy of the shared sample lake's dashboard views (the copy may
 * be written to); the tests connect with the Hive JDBC driver, as Power BI, Tableau and Superset do
 * through their Spark/Hive connectors. The last test stops the server and checks that Spark lives on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlServerCommandTest {

  private static final Pattern JDBC_URL = Pattern.compile("JDBC URL: (jdbc:hive2://\\S+)");
  private static final Contract CONTRACT = Contract.load();
  private static final String[] TABLE = {"TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"};

  private static SparkSession spark;
  private static Lake lake;
  private static RunningCommand server;
  private static String url;

  @BeforeAll
  static void startServer() throws Exception {
    spark = SparkTestSession.get();
    Path copy = SparkTestSession.tempDir("sql-server-lake");
    copyTree(SampleLake.get().resolve("dashboard"), copy.resolve("dashboard"));
    lake = new Lake(spark, copy.toString());
    server = new RunningCommand("sql-server", "--lake", copy.toString(), "--port", "0");
    url = server.awaitJdbcUrl();
  }

  @AfterAll
  static void stopServerIfStillRunning() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  @Order(1)
  void printsTheJdbcUrlAndTheViews() {
    String out = server.out();
    assertTrue(url.matches("jdbc:hive2://localhost:\\d+/outcomes"), url);
    for (String table : DashboardViews.dashboardTables(CONTRACT)) {
      assertTrue(out.contains("outcomes." + table), "the views printed should name outcomes." + table + ": " + out);
    }
    assertFalse(out.contains("not in the lake yet"), out);
  }

  @Test
  @Order(2)
  void everyDashboardViewAndNothingElseIsListed() throws SQLException {
    List<String> views =
        DashboardViews.dashboardTables(CONTRACT).stream().map(t -> "outcomes " + t + " VIEW").sorted().toList();
    try (Connection connection = connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      assertEquals(views, each(metadata.getTables(null, "outcomes", "%", null), TABLE).stream().sorted().toList(),
          "the outcomes schema should hold exactly the dashboard views");
      assertEquals(views, each(metadata.getTables(null, "%", "%", null), TABLE).stream().sorted().toList(),
          "no gold, silver, quarantine or other table in any schema");
    }
  }

  @Test
  @Order(3)
  void everyViewHasItsSchemaFilesColumnsThenSuppressedAndMinCellSize() throws SQLException {
    try (Connection connection = connect()) {
      for (String table : DashboardViews.dashboardTables(CONTRACT)) {
        List<String> expected = new ArrayList<>();
        for (TableColumn column : CONTRACT.table(table).columns()) {
          expected.add(column.name() + " " + DataType.fromDDL(column.type()).sql());
        }
        expected.add("suppressed BOOLEAN");
        expected.add("min_cell_size INT");
        assertEquals(expected,
            each(connection.getMetaData().getColumns(null, "outcomes", table, "%"), "COLUMN_NAME", "TYPE_NAME"),
            "the columns a BI tool lists for outcomes." + table + ", in order");
      }
    }
  }

  @Test
  @Order(4)
  void everyViewReturnsTheDeltaViewsRows() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String table : DashboardViews.dashboardTables(CONTRACT)) {
        TableSchema schema = CONTRACT.table(table);
        Dataset<Row> delta = spark.read().format("delta").load(lake.dashboard(table))
            .orderBy(schema.keys().stream().map(k -> col(k)).toArray(Column[]::new));
        List<List<Object>> expected = delta.collectAsList().stream().map(SqlServerCommandTest::values).toList();
        List<List<Object>> served = rows(statement.executeQuery(
            "SELECT * FROM outcomes." + table + " ORDER BY " + String.join(", ", schema.keys())));
        assertEquals(expected.size(), served.size(), table + ": rows");
        for (int i = 0; i < expected.size(); i++) {
          assertEquals(expected.get(i), served.get(i), table + ", row " + i + " in key order");
        }
      }
    }
  }

  @Test
  @Order(5)
  void aHiddenCountComesBackAsSqlNull() throws SQLException {
    Row hidden = spark.read().format("delta").load(lake.dashboard("completion"))
        .where("suppressed AND episodes_completed IS NULL")
        .orderBy("level_of_care", "program_component", "payment_source").first();
    String query = "SELECT episodes_completed, completion_rate, suppressed, min_cell_size FROM outcomes.completion"
        + " WHERE level_of_care = ? AND program_component = ? AND payment_source = ?";
    try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, hidden.getAs("level_of_care"));
      select.setString(2, hidden.getAs("program_component"));
      select.setString(3, hidden.getAs("payment_source"));
      try (ResultSet rs = select.executeQuery()) {
        assertTrue(rs.next(), "the hidden cell's row should be served");
        assertNull(rs.getObject("episodes_completed"));
        assertEquals(0L, rs.getLong("episodes_completed"));
        assertTrue(rs.wasNull(), "a hidden count is SQL NULL, not 0");
        assertNull(rs.getObject("completion_rate"), "the rate that would give the count away is hidden too");
        assertTrue(rs.getBoolean("suppressed"));
        assertEquals(11, rs.getInt("min_cell_size"));
        assertFalse(rs.next(), "one row per cube cell");
      }
    }
  }

  @Test
  @Order(6)
  void countsAndFiltersAgreeWithSpark() throws SQLException {
    Dataset<Row> completion = spark.read().format("delta").load(lake.dashboard("completion"));
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      assertEquals(completion.count(), single(statement, "SELECT count(*) FROM completion"),
          "the URL's database is the session's current one, so an unqualified name works");
      assertEquals(completion.where("suppressed").count(),
          single(statement, "SELECT count(*) FROM outcomes.completion WHERE suppressed"));
      assertEquals(completion.where("level_of_care = 'intensive_outpatient' AND episodes_discharged >= 11").count(),
          single(statement, "SELECT count(*) FROM outcomes.completion WHERE level_of_care = 'intensive_outpatient'"
              + " AND episodes_discharged >= 11"));
    }
  }

  @Test
  @Order(7)
  void aLaterRunIsSeenByTheNextQueryOfEverySession() throws SQLException {
    try (Connection before = connect(); Statement statement = before.createStatement()) {
      long served = single(statement, "SELECT count(*) FROM outcomes.completion");
      Dataset<Row> fewer = spark.read().format("delta").load(lake.dashboard("completion")).where("NOT suppressed");
      long shown = fewer.count();
      assertTrue(shown < served, "the sample has suppressed rows");
      // A later run replaces the view in one Delta commit, as DashboardViews does.
      fewer.localCheckpoint().write().format("delta").mode("overwrite").save(lake.dashboard("completion"));
      assertEquals(shown, single(statement, "SELECT count(*) FROM outcomes.completion"), "the open session");
      try (Connection after = connect(); Statement another = after.createStatement()) {
        assertEquals(shown, single(another, "SELECT count(*) FROM outcomes.completion"), "a new session");
      }
    }
  }

  @Test
  @Order(8)
  void stoppingTheServerLeavesSparkRunning() throws Exception {
    int exitCode = server.stop();
    assertAll(
        () -> assertEquals(0, exitCode, server.err()),
        () -> assertTrue(server.out().contains("outcomes sql-server: stopped"), server.out()),
        () -> assertThrows(SQLException.class, SqlServerCommandTest::connect, "the port is closed"),
        () -> assertFalse(spark.sparkContext().isStopped(), "the SparkContext must outlive the server"),
        () -> assertEquals(1L, spark.sql("SELECT 1").count()));
  }

  @Test
  void aMissingLakeIsOneLineAndExitCode2() {
    assertUserError(CliRun.of("sql-server", "--lake", "/no/such/lake", "--port", "0"), "/no/such/lake: no such lake");
  }

  @Test
  void aLakeWithoutDashboardViewsSaysRunFirst() {
    String empty = SparkTestSession.tempDir("sql-server-empty-lake").toString();
    assertUserError(CliRun.of("sql-server", "--lake", empty, "--port", "0"), "run `outcomes run` first");
  }

  @Test
  void aPortInUseIsOneLineAndExitCode2() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      String port = String.valueOf(taken.getLocalPort());
      assertUserError(CliRun.of("sql-server", "--lake", lake.root(), "--port", port), "localhost:" + port);
    }
  }

  /** A user error of one line only: no "see --help" hint after it. */
  private static void assertUserError(CliRun run, String named) {
    run.assertUserError(named);
    assertEquals(1, run.err().lines().count(), "one line: " + run.err());
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sql-server-test", "");
  }

  /** Each row's named columns joined by spaces (the result set is closed). */
  private static List<String> each(ResultSet rs, String... columns) throws SQLException {
    try (rs) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(rs.getString(column));
        }
        rows.add(String.join(" ", values));
      }
      return rows;
    }
  }

  private static long single(Statement statement, String query) throws SQLException {
    try (ResultSet rs = statement.executeQuery(query)) {
      assertTrue(rs.next(), query);
      return rs.getLong(1);
    }
  }

  private static List<List<Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      List<List<Object>> rows = new ArrayList<>();
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(comparable(rs.getObject(c)));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<Object> values(Row row) {
    return IntStream.range(0, row.size()).mapToObj(i -> comparable(row.get(i))).toList();
  }

  /** Decimals by value (JDBC and Spark may differ in scale), dates as yyyy-MM-dd; the rest as they are. */
  private static Object comparable(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros();
    }
    if (value instanceof java.util.Date || value instanceof java.time.LocalDate) {
      return value.toString();
    }
    return value;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(p -> {
        try {
          Files.copy(p, to.resolve(from.relativize(p).toString()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** The command running in a thread of its own, its output readable while it runs. */
  private static final class RunningCommand {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile int exitCode = -1;

    private RunningCommand(String... args) {
      thread = new Thread(() -> exitCode = OutcomesCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
          args), "sql-server-under-test");
      thread.setDaemon(true);
      thread.start();
    }

    /** Waits for the server to print its URL (at most two minutes). */
    String awaitJdbcUrl() throws InterruptedException {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline && thread.isAlive()) {
        Matcher url = JDBC_URL.matcher(out());
        if (url.find()) {
          return url.group(1);
        }
        Thread.sleep(100);
      }
      throw new AssertionError("the server printed no JDBC URL (exit " + exitCode + "): " + out() + err());
    }

    /** Interrupts the command and waits for it to return; its exit code. */
    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(60_000);
      if (thread.isAlive()) {
        throw new AssertionError("the command did not return within a minute of its interrupt: " + out() + err());
      }
      return exitCode;
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }
  }
}
