package org.iopoutcomes.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.SuppressionRules;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.contract.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The suppression rules in schemas/gold/ name every column a dashboard shows, and nothing else. */
class SuppressionRulesTest {

  private static final Contract CONTRACT = Contract.load();

  @ParameterizedTest
  @ValueSource(strings = {"completion", "retention", "attendance", "cost_per_outcome", "cost_by_payer", "engagement"})
  void everyDashboardTableSaysHowEachOfItsColumnsIsProtected(String table) {
    SuppressionPlan plan = SuppressionPlan.of(CONTRACT.table(table));
    assertTrue(plan.measureCount() > 0, table);
  }

  @ParameterizedTest
  @ValueSource(strings = {"retention_curve", "level_of_care_comparison"})
  void researchTablesHaveNoDashboardView(String table) {
    assertNull(CONTRACT.table(table).suppression(), table + " is a full-precision research table");
  }

  @Test
  void theDashboardTablesAreThoseOfMetricsMdAndEngagement() {
    List<String> dashboards = CONTRACT.goldTableNames().stream()
        .filter(t -> CONTRACT.table(t).hasDashboardView()).toList();
    assertEquals(List.of("completion", "retention", "attendance", "cost_per_outcome", "cost_by_payer", "trends",
        "engagement"), dashboards);
  }

  @Test
  void aColumnTheRulesDoNotNameIsRefused() {
    TableSchema completion = CONTRACT.table("completion");
    List<TableColumn> columns = new ArrayList<>(completion.columns());
    columns.add(new TableColumn("episodes_readmitted", "bigint", "A new count nobody declared."));
    TableSchema extended = new TableSchema(completion.table(), completion.description(), completion.population(),
        completion.dimensions(), completion.keys(), columns, completion.suppression());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> SuppressionPlan.of(extended));
    assertTrue(refused.getMessage().contains("episodes_readmitted"), refused.getMessage());
  }

  @Test
  void aDependentOfAnUnknownMeasureIsRefused() {
    SuppressionRules rules = CONTRACT.table("completion").suppression();
    Map<String, List<String>> dependents = new LinkedHashMap<>(rules.dependents());
    dependents.put("completion_rate", List.of("episodes_finished", "episodes_discharged"));
    SuppressionRules broken = new SuppressionRules(rules.counts(), rules.remainders(), rules.sums(), dependents);
    assertThrows(IllegalArgumentException.class,
        () -> new SuppressionPlan(CONTRACT.table("completion").keys(), broken));
  }

  @Test
  void episodesAreAdditiveOnlyOverLevelInCostByPayer() {
    SuppressionRules rules = CONTRACT.table("cost_by_payer").suppression();
    assertEquals(List.of("level_of_care"), rules.counts().get("episodes").additiveOver());
    assertEquals(List.of("payer", "level_of_care", "cost_category"), rules.counts().get("charges").additiveOver());
  }

  @Test
  void programComponentAddsUpOnlyForInvitations() {
    for (String table : List.of("completion", "retention", "cost_per_outcome", "engagement")) {
      CONTRACT.table(table).suppression().counts().forEach((count, rule) ->
          assertEquals(List.of("level_of_care", "payment_source"), rule.additiveOver(), table + "." + count));
    }
    CONTRACT.table("attendance").suppression().counts().forEach((count, rule) ->
        assertTrue(rule.additiveOver().contains("program_component"), "attendance." + count));
  }
}
