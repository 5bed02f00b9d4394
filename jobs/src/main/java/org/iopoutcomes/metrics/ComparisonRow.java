package org.iopoutcomes.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.stats.DirectStandardization;
import org.iopoutcomes.stats.PercentileInterval;

/** The rows of {@link LevelOfCareComparison} and the arithmetic on its bootstrap replicates. */
final class ComparisonRow {

  /** The table's columns as its schema file declares them, without as_of and run_id. */
  static final StructType SCHEMA = Contract.load().table("level_of_care_comparison").computedSchema();

  /** The pair's ICER with its bootstrap interval. */
  record Icer(Double value, double[] interval) {}

  private ComparisonRow() {}

  static Row of(String otherLevel, String measure, long iopN, long otherN, Double iopValue, Double otherValue,
      double[] interval, String method, Double iopStandardised, Double otherStandardised, Icer icer,
      int resamples, long seed) {
    Double difference = iopValue == null || otherValue == null ? null : iopValue - otherValue;
    Double standardisedDifference = iopStandardised == null || otherStandardised == null
        ? null : iopStandardised - otherStandardised;
    return RowFactory.create(LevelOfCareComparison.REFERENCE_LEVEL, otherLevel, measure, iopN, otherN,
        iopValue, otherValue, difference, low(interval), high(interval), method,
        iopStandardised, otherStandardised, standardisedDifference,
        icer.value(), low(icer.interval()), high(icer.interval()), resamples, seed);
  }

  static Icer icer(LevelOfCareComparison.LevelTotals iop, LevelOfCareComparison.LevelTotals other,
      double[][] iopReplicates, double[][] otherReplicates) {
    Double value = null;
    if (iop.costPerEpisode() != null && other.costPerEpisode() != null
        && !iop.completionRate().equals(other.completionRate())) {
      value = (iop.costPerEpisode() - other.costPerEpisode()) / (iop.completionRate() - other.completionRate());
    }
    if (iopReplicates == null || otherReplicates == null) {
      return new Icer(value, null);
    }
    double[] ratios = new double[iopReplicates.length];
    for (int b = 0; b < ratios.length; b++) {
      double deltaCost = costPerEpisode(iopReplicates[b]) - costPerEpisode(otherReplicates[b]);
      double deltaCompletion = completionRate(iopReplicates[b]) - completionRate(otherReplicates[b]);
      ratios[b] = deltaCompletion == 0 ? Double.NaN : deltaCost / deltaCompletion;
    }
    return new Icer(value, value == null ? null : PercentileInterval.of(ratios));
  }

  /** IOP's replicate minus the other level's, resample by resample. */
  static double[] difference(Map<String, double[][]> replicates, String otherLevel,
      ToDoubleFunction<double[]> measure) {
    double[][] iop = replicates.get(LevelOfCareComparison.REFERENCE_LEVEL);
    double[][] other = replicates.get(otherLevel);
    if (iop == null || other == null) {
      return new double[0];
    }
    double[] differences = new double[iop.length];
    for (int b = 0; b < differences.length; b++) {
      differences[b] = measure.applyAsDouble(iop[b]) - measure.applyAsDouble(other[b]);
    }
    return differences;
  }

  /** A replicate is {Σ w, Σ w·cost, Σ w·completed}; an empty one gives NaN, which the percentiles skip. */
  static double costPerEpisode(double[] replicate) {
    return replicate[0] == 0 ? Double.NaN : replicate[1] / replicate[0];
  }

  static double costPerCompletion(double[] replicate) {
    return replicate[2] == 0 ? Double.NaN : replicate[1] / replicate[2];
  }

  static double completionRate(double[] replicate) {
    return replicate[0] == 0 ? Double.NaN : replicate[2] / replicate[0];
  }

  /** A group's strata {successes, n} with the pair's pooled counts as the standard population. */
  static List<DirectStandardization.Stratum> strata(Map<String, long[]> group, Map<String, long[]> other) {
    Map<String, long[]> groupCounts = group == null ? Map.of() : group;
    Map<String, long[]> otherCounts = other == null ? Map.of() : other;
    TreeSet<String> keys = new TreeSet<>(groupCounts.keySet());
    keys.addAll(otherCounts.keySet());
    List<DirectStandardization.Stratum> strata = new ArrayList<>();
    for (String key : keys) {
      long[] g = groupCounts.getOrDefault(key, new long[] {0, 0});
      long[] o = otherCounts.getOrDefault(key, new long[] {0, 0});
      strata.add(new DirectStandardization.Stratum(key, g[0], g[1], g[1] + o[1]));
    }
    return strata;
  }

  private static Double low(double[] interval) {
    return interval == null || Double.isNaN(interval[0]) ? null : interval[0];
  }

  private static Double high(double[] interval) {
    return interval == null || Double.isNaN(interval[1]) ? null : interval[1];
  }
}
