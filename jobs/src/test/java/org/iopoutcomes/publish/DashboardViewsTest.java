package org.iopoutcomes.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.GoldRows;
import org.iopoutcomes.SilverFixture;
import org.iopoutcomes.SparkTestSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.facts.Facts;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.metrics.GoldTable;
import org.iopoutcomes.metrics.GoldTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard views of a small lake, 50 discharged episodes:
 * <pre>
 *                       medicaid             self_pay
 * intensive_outpatient  20 (12 completed)     3 (2 completed)   ← 3 discharged: hidden
 * outpatient            15 (10 completed)    12 (6 completed)   ← 12: hidden as its complement
 * </pre>
 */
class DashboardViewsTest {

  private static final String AS_OF = "2025-06-30";
  private static final String IOP = "intensive_outpatient";
  private static final Contract CONTRACT = Contract.load();
  private static Lake lake;
  private static GoldRows completion;

  @BeforeAll
  static void publish() {
    SparkSession spark = SparkTestSession.get();
    lake = new Lake(spark, SparkTestSession.tempDir("dashboard-lake").toString());
    SilverFixture world = new SilverFixture();
    episodes(world, "a", IOP, "medicaid", 12, 8);
    episodes(world, "b", IOP, "self_pay", 2, 1);
    episodes(world, "c", "outpatient", "medicaid", 10, 5);
    episodes(world, "d", "outpatient", "self_pay", 6, 6);
    Facts facts = world.facts(AS_OF);
    GoldPublisher gold = new GoldPublisher(lake, CONTRACT);
    Map<String, GoldPublisher.Published> published = new HashMap<>();
    for (GoldTable table : GoldTables.all(GoldTables.Bootstrap.DEFAULT)) {
      if (CONTRACT.table(table.name()).hasDashboardView()) {
        Dataset<Row> rows = gold.conform(table.name(), table.compute(facts), LocalDate.parse(AS_OF), "test-run");
        published.put(table.name(), gold.publish(table.name(), rows));
      }
    }
    DashboardViews.publish(spark, lake, CONTRACT, 11, published);
    completion = new GoldRows("dashboard/completion", lake.read(lake.dashboard("completion")));
  }

  @Test
  void aSmallCountIsNullAndItsRowFlagged() {
    GoldRows.Cell cell = completion
        .cell("level_of_care", IOP, "program_component", "all", "payment_source", "self_pay")
        .isNull("episodes_discharged").isNull("episodes_completed").isNull("completion_rate")
        .isNull("completion_rate_ci_low").isNull("dropout_rate");
    assertEquals(true, cell.get("suppressed"));
    assertEquals(11, cell.get("min_cell_size"));
  }

  @Test
  void aComplementHidesWhatWouldGiveTheSmallCountAway() {
    // 15 self-pay episodes in all, 12 of them outpatient: showing 12 would give away IOP's 3.
    completion.cell("level_of_care", "outpatient", "program_component", "all", "payment_source", "self_pay")
        .isNull("episodes_discharged").isNull("completion_rate");
    completion.cell("level_of_care", "all", "program_component", "all", "payment_source", "self_pay")
        .count("episodes_discharged", 15);
    completion.cell("level_of_care", "outpatient", "program_component", "all", "payment_source", "all")
        .count("episodes_discharged", 27);
  }

  @Test
  void rowsWithNothingSmallAreShownInFull() {
    GoldRows.Cell all = completion.cell("level_of_care", "all", "program_component", "all", "payment_source", "all")
        .count("episodes_discharged", 50).count("episodes_completed", 30).count("episodes_dropped_out", 20)
        .rate("completion_rate", 0.6);
    assertEquals(false, all.get("suppressed"));
  }

  @Test
  void theViewHasTheGoldColumnsAndRowsPlusTheFlags() {
    for (String table : DashboardViews.dashboardTables(CONTRACT)) {
      Dataset<Row> view = lake.read(lake.dashboard(table));
      List<String> expected = new ArrayList<>(CONTRACT.table(table).columnNames());
      expected.addAll(List.of("suppressed", "min_cell_size"));
      assertEquals(expected, Arrays.asList(view.columns()), table);
      assertEquals(lake.read(lake.gold(table)).count(), view.count(), table);
    }
  }

  @Test
  void completionAndCostPerOutcomeHideTheSameCounts() {
    // Both count the discharged and completed episodes of each cell: what one view hides, the other
    // must not show, or the first view's totals would give the small cells away.
    List<String> shared = List.of("episodes_discharged", "episodes_completed");
    Dataset<Row> costs = lake.read(lake.dashboard("cost_per_outcome"));
    assertEquals(hiddenShared(lake.read(lake.dashboard("completion")), shared), hiddenShared(costs, shared));
  }

  @Test
  void researchTablesGetNoView() {
    assertFalse(lake.exists(lake.dashboard("retention_curve")));
    assertFalse(lake.exists(lake.dashboard("level_of_care_comparison")));
    assertTrue(DashboardViews.dashboardTables(CONTRACT).contains("engagement"));
  }

  @Test
  void everyRetentionWindowHidesTheSmallCell() {
    GoldRows retention = new GoldRows("dashboard/retention", lake.read(lake.dashboard("retention")));
    for (int window : new int[] {30, 60, 90, 180}) {
      GoldRows.Cell cell = retention.cell("level_of_care", IOP, "program_component", "all",
          "payment_source", "self_pay", "window_days", String.valueOf(window));
      cell.isNull("episodes_eligible").isNull("retention_rate");
      assertNull(cell.get("retention_rate_ci_high"));
    }
  }

  private static Set<String> hiddenShared(Dataset<Row> view, List<String> columns) {
    Set<String> hidden = new TreeSet<>();
    for (Row row : view.collectAsList()) {
      for (String column : columns) {
        if (row.getAs(column) == null) {
          hidden.add(row.getAs("level_of_care") + "/" + row.getAs("program_component") + "/"
              + row.getAs("payment_source") + " " + column);
        }
      }
    }
    return hidden;
  }

  /** Discharged episodes of one level and payer: {@code completed} completed, {@code dropped} dropped out. */
  private static void episodes(SilverFixture world, String prefix, String level, String payer, int completed,
      int dropped) {
    for (int i = 0; i < completed + dropped; i++) {
      world.episode(prefix + i, level, payer, "2025-01-01", "2025-03-01", i < completed ? "completed" : "dropped_out");
    }
  }
}
