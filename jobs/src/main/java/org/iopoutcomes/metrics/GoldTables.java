package org.iopoutcomes.metrics;

import java.util.List;

/** Every gold table a run publishes: the six of metrics.md, then the research measures. */
public final class GoldTables {

  /** The bootstrap of the level-of-care comparison: how many resamples, from which seed. */
  public record Bootstrap(int resamples, long seed) {
    public static final Bootstrap DEFAULT = new Bootstrap(LevelOfCareComparison.MIN_RESAMPLES, 20260101L);
  }

  private GoldTables() {}

  public static List<GoldTable> all(Bootstrap bootstrap) {
    return List.of(new Completion(), new Retention(), new Attendance(), new CostPerOutcome(), new CostByPayer(),
        new Trends(), new RetentionCurve(), new Engagement(),
        new LevelOfCareComparison(bootstrap.resamples(), bootstrap.seed()));
  }
}
