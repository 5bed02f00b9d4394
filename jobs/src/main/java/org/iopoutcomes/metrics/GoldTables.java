package org.iopoutcomes.metrics;

import java.util.List;

/** Every gold table the run publishes, in the order of metrics.md. */
public final class GoldTables {

  private GoldTables() {}

  public static List<GoldTable> all() {
    return List.of(new Completion(), new Retention(), new Attendance(), new CostPerOutcome(), new CostByPayer());
  }
}
