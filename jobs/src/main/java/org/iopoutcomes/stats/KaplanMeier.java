package org.iopoutcomes.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan–Meier estimate of a survival curve with Greenwood's variance and the log-log interval,
 * computed as R's survival package does ({@code survfit(Surv(time, status) ~ 1, conf.type = "log-log")},
 * read off with {@code summary()}; survival 3.5-3, files R/survfit.R, R/summary.survfit.R,
 * src/survfitkm.c). With n the number at risk (time ≥ t) and d the events at an event time t:
 * <pre>
 *   S(t)          = Π over event times u ≤ t of (1 − d_u / n_u)
 *   V(t)          = Σ over event times u ≤ t of d_u / (n_u (n_u − d_u))    (Greenwood: var of log S)
 *   std_err(t)    = S(t) · √V(t)                                           (summary.survfit's std.err)
 *   se2           = z · √V(t) / log S(t)                                   (negative: log S &lt; 0)
 *   ci_low(t)     = exp(−exp(log(−log S) − se2))   = S^exp(+z √V / |log S|)
 *   ci_high(t)    = exp(−exp(log(−log S) + se2))   = S^exp(−z √V / |log S|)
 * </pre>
 * with z = 1.959963984540054. Where S = 0 (everyone left at risk had the event, n = d) the variance is
 * infinite: R prints std.err NaN and the bounds NA; here all three are null.
 *
 * <p>The median follows R's {@code quantile.survfit} (R/quantile.survfit.R, function findq): the first
 * event time at which S ≤ ½; where S equals ½ there (within √(machine ε) ≈ 1.49e-8, R's tolerance) the
 * curve is flat at ½ until the next event, and the median is the midpoint of the two times; after the
 * last event the flat runs to the last observed time, censorings included. Null when S stays above ½.
 */
public final class KaplanMeier {

  /** R's default tolerance in quantile.survfit: sqrt(.Machine$double.eps). */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  /** One distinct time of a group: how many had the event there and how many were censored there. */
  public record TimeCounts(int time, long events, long censored) {}

  /**
   * One event time of the curve. {@code censored} counts the censorings at exactly this time (R's
   * summary instead shows those since the previous event time); censorings at times without events
   * have no step of their own but leave the risk set, lowering {@code atRisk} of later steps.
   * {@code stdErr}, {@code ciLow} and {@code ciHigh} are null where survival is 0.
   */
  public record Step(int time, long atRisk, long events, long censored, double survival,
      Double stdErr, Double ciLow, Double ciHigh) {}

  private KaplanMeier() {}

  /**
   * The curve: one step per distinct time with at least one event, in time order. The counts may come
   * in any order; counts given twice for the same time are added up.
   */
  public static List<Step> estimate(List<TimeCounts> counts) {
    TreeMap<Integer, long[]> byTime = byTime(counts);
    long atRisk = 0;
    for (long[] c : byTime.values()) {
      atRisk += c[0] + c[1];
    }
    List<Step> steps = new ArrayList<>();
    double survival = 1.0;
    double greenwood = 0.0;
    for (Map.Entry<Integer, long[]> entry : byTime.entrySet()) {
      long events = entry.getValue()[0];
      long censored = entry.getValue()[1];
      if (events > 0) {
        survival *= (atRisk - events) / (double) atRisk;
        greenwood += events / ((double) atRisk * (atRisk - events));
        steps.add(step(entry.getKey(), atRisk, events, censored, survival, greenwood));
      }
      atRisk -= events + censored;
    }
    return steps;
  }

  /**
   * The median of a curve whose last observed time (event or censoring) is its last event time; see
   * {@link #median(List, Integer)} with {@code lastObservedTime} = the last step's time.
   */
  public static Double median(List<Step> steps) {
    return median(steps, null);
  }

  /**
   * The median as R's quantile.survfit: the first step with S ≤ ½; where S = ½ there, the midpoint
   * between its time and the next step's time, or {@code lastObservedTime} (the largest time in the
   * group, censorings included; null means the last step's time) when it is the last step. Null when
   * the curve stays above ½.
   */
  public static Double median(List<Step> steps, Integer lastObservedTime) {
    int reaches = firstAtOrBelow(steps, 0.5 + TOLERANCE);
    if (reaches < 0) {
      return null;
    }
    int passes = firstAtOrBelow(steps, 0.5 - TOLERANCE);
    double time = steps.get(reaches).time();
    if (passes == reaches) {
      return time;
    }
    if (passes > reaches) {
      return (time + steps.get(passes).time()) / 2;
    }
    // The curve ends on a flat at ½ (R: "a flat at the end of the curve is a special case").
    Step last = steps.get(steps.size() - 1);
    double end = lastObservedTime == null ? last.time() : lastObservedTime;
    return Math.abs(last.survival() - 0.5) < TOLERANCE ? (time + end) / 2 : null;
  }

  /** The largest time among the counts (null when there are none): median's lastObservedTime. */
  public static Integer lastObservedTime(List<TimeCounts> counts) {
    TreeMap<Integer, long[]> byTime = byTime(counts);
    return byTime.isEmpty() ? null : byTime.lastKey();
  }

  private static int firstAtOrBelow(List<Step> steps, double level) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).survival() <= level) {
        return i;
      }
    }
    return -1;
  }

  private static Step step(int time, long atRisk, long events, long censored, double survival,
      double greenwood) {
    if (survival == 0.0) {
      return new Step(time, atRisk, events, censored, 0.0, null, null, null);
    }
    double rootV = Math.sqrt(greenwood);
    double[] interval = logLogInterval(survival, rootV, WilsonInterval.Z_95);
    return new Step(time, atRisk, events, censored, survival, survival * rootV,
        interval == null ? null : interval[0], interval == null ? null : interval[1]);
  }

  /**
   * R's survfit_confint for conf.type "log-log", given S and the standard error of log S; null where
   * S is 0 or 1 (R: NA), as there log(−log S) does not exist.
   */
  static double[] logLogInterval(double survival, double seLogS, double z) {
    if (survival <= 0.0 || survival >= 1.0) {
      return null;
    }
    double logS = Math.log(survival);
    double se2 = z * seLogS / logS;
    double centre = Math.log(-logS);
    return new double[] {Math.exp(-Math.exp(centre - se2)), Math.exp(-Math.exp(centre + se2))};
  }

  private static TreeMap<Integer, long[]> byTime(List<TimeCounts> counts) {
    TreeMap<Integer, long[]> byTime = new TreeMap<>();
    for (TimeCounts c : counts) {
      if (c.events() < 0 || c.censored() < 0) {
        throw new IllegalArgumentException("negative count at time " + c.time() + ": " + c);
      }
      long[] sum = byTime.computeIfAbsent(c.time(), t -> new long[2]);
      sum[0] += c.events();
      sum[1] += c.censored();
    }
    return byTime;
  }
}
