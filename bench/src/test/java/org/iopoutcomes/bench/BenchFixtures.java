package org.iopoutcomes.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.TableColumn;
import org.iopoutcomes.ingest.CsvLine;

/**
 * Inputs and expected results of the bench tests: the sample batch without its deliberately bad rows,
 * a correction batch, and the expected gold tables that tools/reference computed from the sample.
 */
final class BenchFixtures {

  static final Path SAMPLE = Path.of("..", "data-samples", "sample");
  static final Path EXPECTED = Path.of("..", "jobs", "src", "test", "resources", "expected");

  private BenchFixtures() {}

  /**
   * The sample batch without the rows the pipeline quarantines (the lines the reference lists in
   * rejections_by_rule.csv), so that it is contract-valid. Attendance and costs are written as folders
   * of two part files, each with its header, to read both layouts of a batch.
   */
  static Path cleanSample() throws IOException {
    Map<String, Set<Integer>> badLines = new LinkedHashMap<>();
    for (String line : Files.readAllLines(EXPECTED.resolve("sample").resolve("rejections_by_rule.csv"))
        .stream().skip(1).toList()) {
      List<String> fields = CsvLine.parse(line).fields();
      badLines.computeIfAbsent(fields.get(0), f -> new HashSet<>()).add(Integer.parseInt(fields.get(1)));
    }
    Path batch = tempDir("clean-sample");
    for (String entity : Contract.load().entityOrder()) {
      List<String> lines = Files.readAllLines(SAMPLE.resolve(entity + ".csv"));
      Set<Integer> bad = badLines.getOrDefault(entity + ".csv", Set.of());
      List<String> good = new ArrayList<>();
      for (int number = 2; number <= lines.size(); number++) {
        if (!bad.contains(number)) {
          good.add(lines.get(number - 1));
        }
      }
      if (entity.equals("attendance") || entity.equals("costs")) {
        Path parts = Files.createDirectories(batch.resolve(entity));
        int half = good.size() / 2;
        write(parts.resolve("part-00000.csv"), lines.get(0), good.subList(0, half));
        write(parts.resolve("part-00001.csv"), lines.get(0), good.subList(half, good.size()));
      } else {
        write(batch.resolve(entity + ".csv"), lines.get(0), good);
      }
    }
    return batch;
  }

  /**
   * A second batch that corrects the sample: ep-000002 becomes completed and paid by self_pay, a new
   * episode ep-900001 is admitted with one charge, and charge c-000001 is corrected.
   */
  static Path correctionBatch() throws IOException {
    Path batch = tempDir("correction");
    write(batch.resolve("episodes.csv"),
        "episode_id,person_id,program_id,level_of_care,admission_date,discharge_date,discharge_reason,"
            + "payment_source,age_group,sex,primary_substance,co_occurring_mental_health,prior_treatment_episodes",
        List.of("ep-000002,p-937a693f97,prg-east-outpatient,outpatient,2025-01-07,2025-05-31,completed,self_pay,"
                + "35-44,male,opioids,true,1",
            "ep-900001,p-9f00c0ffee,prg-east-outpatient,outpatient,2026-06-01,2026-06-20,dropped_out,medicare,"
                + "25-34,female,alcohol,false,0"));
    write(batch.resolve("costs.csv"), "cost_id,episode_id,session_id,service_date,cost_category,amount,payer",
        List.of("c-000001,ep-000001,,2025-01-06,assessment,275.00,private_insurance",
            "c-900001,ep-900001,,2026-06-01,assessment,180.00,medicare"));
    return batch;
  }

  /** An expected gold table of tools/reference (folder sample or sample-2026-03-31), as plain values. */
  static List<Map<String, Object>> expectedRows(String folder, String table) throws IOException {
    List<String> lines = Files.readAllLines(EXPECTED.resolve(folder).resolve(table + ".csv"));
    List<String> header = CsvLine.parse(lines.get(0)).fields();
    List<TableColumn> columns = new GoldAgreement().computedColumns(table);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> fields = CsvLine.parse(line).fields();
      Map<String, Object> row = new LinkedHashMap<>();
      for (TableColumn column : columns) {
        int index = header.indexOf(column.name());
        row.put(column.name(), index < 0 ? null : GoldValues.parse(column, fields.get(index)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The as_of the reference used for a folder of expected tables. */
  static String expectedAsOf(String folder) throws IOException {
    List<String> lines = Files.readAllLines(EXPECTED.resolve(folder).resolve("completion.csv"));
    List<String> header = CsvLine.parse(lines.get(0)).fields();
    return CsvLine.parse(lines.get(1)).fields().get(header.indexOf("as_of"));
  }

  /** A fresh folder under target/, so that test output stays with the build. */
  static Path tempDir(String prefix) {
    try {
      Path base = Files.createDirectories(Path.of("target", "test-tmp"));
      return Files.createTempDirectory(base.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String header, List<String> rows) throws IOException {
    List<String> lines = new ArrayList<>(List.of(header));
    lines.addAll(rows);
    Files.write(file, lines);
  }
}
