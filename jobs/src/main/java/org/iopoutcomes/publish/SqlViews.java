package org.iopoutcomes.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;

/**
 * The dashboard views of a lake as SQL views of one database, for the BI tools that connect to
 * {@code outcomes sql-server}:
 * <pre>
 * CREATE VIEW outcomes.&lt;table&gt; AS SELECT * FROM delta.`&lt;lake&gt;/dashboard/&lt;table&gt;`
 * </pre>
 * one per dashboard table of the contract, with the table's description as the view's comment. Only
 * the suppressed views are registered, never gold, silver or the quarantine. The views are
 * persistent views of the session catalog, so every session of the SparkContext sees them (a temporary
 * view would be seen by one session only), and each query reads the table's latest Delta version, so a
 * later run shows in the next query. The columns are the table's own (its schema file's, then
 * {@code suppressed} and {@code min_cell_size}): BI tools list a view's columns over JDBC, which they
 * do not for a Delta table named by path.
 */
public final class SqlViews {

  /** The database (schema, to a BI tool) that holds the views. */
  public static final String DATABASE = "outcomes";

  private SqlViews() {}

  /** The views registered, as {@code outcomes.<table>}, and the dashboard tables the lake does not have yet. */
  public record Registered(List<String> views, List<String> missing) {}

  /**
   * Creates the database if needed and (re)creates the view of every dashboard table the lake has.
   * Refuses a lake that has none.
   */
  public static Registered register(SparkSession spark, Lake lake, Contract contract) {
    List<String> views = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String table : DashboardViews.dashboardTables(contract)) {
      (lake.exists(lake.dashboard(table)) ? views : missing).add(table);
    }
    if (views.isEmpty()) {
      throw new Lake.LakeException(lake.root() + ": no dashboard views yet: run `outcomes run` first");
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS " + DATABASE
        + " COMMENT 'Dashboard views of the outcomes lake: aggregates with small counts hidden'");
    List<String> names = new ArrayList<>();
    for (String table : views) {
      String name = DATABASE + "." + table;
      spark.sql("CREATE OR REPLACE VIEW " + name
          + " COMMENT " + literal(comment(contract, table))
          + " AS SELECT * FROM delta.`" + qualified(spark, lake.dashboard(table)).replace("`", "``") + "`");
      names.add(name);
    }
    return new Registered(List.copyOf(names), List.copyOf(missing));
  }

  /** The table's path made absolute, so that the view reads the same folder whatever the working directory. */
  private static String qualified(SparkSession spark, String tablePath) {
    Path path = new Path(tablePath);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + tablePath, e);
    }
  }

  private static String comment(Contract contract, String table) {
    String description = contract.table(table).description();
    return (description == null ? "" : description + " ") + "Dashboard view: small counts hidden (see suppressed).";
  }

  private static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
