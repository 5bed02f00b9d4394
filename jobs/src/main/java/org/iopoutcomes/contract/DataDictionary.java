package org.iopoutcomes.contract;

import java.util.List;
import java.util.Map;

/**
 * The data dictionary (docs/data-dictionary.md), generated from the schema files so that it never
 * says something the jobs do not do. A test keeps the checked-in copy current.
 */
public final class DataDictionary {

  private final Contract contract;
  private final StringBuilder md = new StringBuilder();

  private DataDictionary(Contract contract) {
    this.contract = contract;
  }

  public static String markdown(Contract contract) {
    return new DataDictionary(contract).render();
  }

  private String render() {
    line("# Data dictionary");
    line("");
    line("Generated from `schemas/` (do not edit by hand; `DataDictionaryTest` says how to regenerate it).");
    line("Every rule id below is what the quarantine table's `broken_rules` column names.");
    line("");
    line("## Input entities");
    line("");
    line("A batch folder holds one file (or a folder of part files) per entity, as `.csv` (UTF-8, header"
        + " row, RFC 4180 quoting), `.jsonl` or `.parquet`. Values are trimmed; an empty value is missing.");
    line("Codes are matched case-insensitively. Rules that apply to every entity:");
    line("");
    line("| rule id | broken when |");
    line("|---|---|");
    line("| `duplicate_key_in_batch` | the row's key appears more than once in the batch (every such row goes to quarantine) |");
    line("| `record.field_count` | a CSV line has more or fewer fields than the header |");
    line("| `record.unbalanced_quote` | a CSV line has a quote that is not closed on that line, or a stray quote |");
    line("| `record.not_json_object` | a JSON Lines line is not one JSON object |");
    line("| `record.invalid_utf8` | a line is not valid UTF-8 |");
    line("| `<column>.required` | a required value is missing |");
    line("| `<column>.type` | a value is not of the column's type |");
    line("| `<column>.code` | a value is not one of the column's codes |");
    line("| `<column>.range` | a number is outside the column's range |");
    line("");
    for (String entity : contract.entityOrder()) {
      entity(contract.entity(entity));
    }
    line("## Code lists");
    line("");
    for (String list : contract.codeListNames()) {
      line("### " + list);
      line("");
      line(contract.codeListDescription(list));
      line("");
      line("| code | meaning |");
      line("|---|---|");
      for (Map.Entry<String, String> code : contract.codeMeanings(list).entrySet()) {
        line("| `" + code.getKey() + "` | " + code.getValue() + " |");
      }
      line("");
    }
    line("## Gold tables (`<lake>/gold/<table>`)");
    line("");
    line("Rolled-up dimensions hold the literal `all`. Rates are doubles in [0, 1] with 95% Wilson score"
        + " intervals; a rate whose denominator is 0 is null. Money is decimal(18,2), ratios rounded half-up.");
    line("");
    dashboardIntro();
    for (String table : contract.goldTableNames()) {
      table(contract.table(table));
      dashboardView(contract.table(table));
    }
    line("## National tables (`<lake>/gold/<table>`, written by `import-teds`)");
    line("");
    for (String table : contract.nationalTableNames()) {
      table(contract.table(table));
    }
    line("## Lake tables");
    line("");
    table(contract.table("quarantine"));
    table(contract.table("episode_facts"));
    table(contract.table("run_log"));
    return md.toString();
  }

  private void entity(EntitySchema entity) {
    line("### " + entity.entity());
    line("");
    line(entity.description() + " Key: " + code(entity.key()) + ".");
    line("");
    line("| column | type | rule | description |");
    line("|---|---|---|---|");
    for (ColumnSpec column : entity.columns()) {
      String type = "decimal".equals(column.type())
          ? "decimal(" + column.precision() + "," + column.scale() + ")" : column.type();
      line("| `" + column.name() + "` | " + type + " | " + column.ruleText() + " | " + column.description() + " |");
    }
    line("");
    if (!entity.references().isEmpty() || !entity.rules().isEmpty()) {
      line("| rule id | rule |");
      line("|---|---|");
      entity.references().forEach(r -> line("| `" + r.id() + "` | " + r.description() + " |"));
      entity.rules().forEach(r -> line("| `" + r.id() + "` | " + r.description() + " |"));
      line("");
    }
  }

  private void table(TableSchema table) {
    line("### " + table.table());
    line("");
    line(table.description());
    if (table.population() != null) {
      line("");
      line("Population: " + table.population() + ". Dimensions: " + code(table.dimensions()) + ".");
    }
    line("");
    line("| column | type | description |");
    line("|---|---|---|");
    table.columns().forEach(c -> line("| `" + c.name() + "` | " + c.type() + " | " + c.description() + " |"));
    line("");
  }

  private void dashboardIntro() {
    line("Each table with suppression rules also has a dashboard view, `<lake>/dashboard/<table>`: the same"
        + " columns, with every count from 1 to `min_cell_size` − 1 (11 unless the run says otherwise) and whatever"
        + " would give it away set to null, plus `suppressed` (true when a value of the row is hidden) and"
        + " `min_cell_size`. See [small-cell suppression](measures/small-cell-suppression.md).");
    line("");
  }

  private void dashboardView(TableSchema table) {
    SuppressionRules rules = table.suppression();
    if (rules == null) {
      line("No dashboard view: a research table, kept at full precision in `<lake>/gold/` for researchers;"
          + " do not show it on dashboards.");
      line("");
      return;
    }
    line("Dashboard view `<lake>/dashboard/" + table.table() + "`"
        + (rules.suppressedWith() == null ? "" : ", suppressed together with `" + rules.suppressedWith()
            + "` (the counts they share are hidden alike)") + ":");
    line("");
    line("| value | protected as | adds up over |");
    line("|---|---|---|");
    rules.counts().forEach((name, count) ->
        line("| `" + name + "` | count | " + code(count.additiveOver()) + " |"));
    rules.remainders().forEach((name, remainder) ->
        line("| " + name + " (not a column) | count: " + remainder.description() + " | as its total and parts |"));
    rules.sums().forEach((name, sum) ->
        line("| `" + name + "` | sum, hidden with " + code(sum.hiddenWith()) + " | " + code(sum.additiveOver())
            + " |"));
    rules.dependents().forEach((name, sources) ->
        line("| `" + name + "` | hidden with " + code(sources) + " | |"));
    line("");
  }

  private static String code(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  private void line(String text) {
    md.append(text).append('\n');
  }
}
