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
import org.iopoutcomes.stats.Money;
import org.iopoutcomes.stats.PercentileInterval;

/** The rows of {@link LevelOfCareComparison} and the arithmetic on its bootstrap replicates. */
final class ComparisonRow {

  /** The table's columns as its schema file declares them, without as_of and run_id. */
  static final StructType SCHEMA = Contract.load().table("level_of_care_comparison").computedSchema();

  /** The pair's ICER with its bootstrap interval. */
  record Icer(Double value, double[] interval) {}

  private ComparisonRow() {}

  /** A row; {@code standardised} is null for the cost measures. */
  static Row of(String otherLevel, String measure, long iopN, long otherN, Double iopValue, Double otherValue,
      Double difference, double[] interval, String method, DirectStandardization.Pair standardised, Icer icer,
      int resamples, long seed) {
    Double iopStandardised = standardised == null ? null : standardised.first();
    Double otherStandardised = standardised == null ? null : standardised.second();
    Double standardisedDifference = iopStandardised == null || otherStandardised == null
        ? null : iopStandardised - otherStandardised;
    return RowFactory.create(LevelOfCareComparison.REFERENCE_LEVEL, otherLevel, measure, iopN, otherN,
        iopValue, otherValue, difference, low(interval), high(interval), method,
        iopStandardised, otherStandardised, standardisedDifference,
        standardised == null ? null : standardised.standardPopulationShare(),
        icer.value(), low(icer.interval()), high(icer.interval()), resamples, seed);
  }

  /** The ICER from the unrounded costs per episode, and its interval, each rounded to cents. */
  static Icer icer(LevelOfCareComparison.LevelTotals iop, LevelOfCareComparison.LevelTotals other,
      double[][] iopReplicates, double[][] otherReplicates) {
    Double value = null;
    if (iop.exactCostPerEpisode() != null && other.exactCostPerEpisode() != null
        && !iop.completionRate().equals(other.completionRate())) {
      value = Money.cents((iop.exactCostPerEpisode() - other.exactCostPerEpisode())
          / (iop.completionRate() - other.completionRate()));
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
    return new Icer(value, value == null ? null : Money.cents(PercentileInterval.of(ratios)));
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

  /** The pair's strata: IOP's and the other level's counts in every stratum either populates. */
  static List<DirectStandardization.PairStratum> strata(Map<String, DirectStandardization.Count> iop,
      Map<String, DirectStandardization.Count> other) {
    Map<String, DirectStandardization.Count> iopCounts = iop == null ? Map.of() : iop;
    Map<String, DirectStandardization.Count> otherCounts = other == null ? Map.of() : other;
    TreeSet<String> keys = new TreeSet<>(iopCounts.keySet());
    keys.addAll(otherCounts.keySet());
    DirectStandardization.Count none = new DirectStandardization.Count(0, 0);
    List<DirectStandardization.PairStratum> strata = new ArrayList<>();
    for (String key : keys) {
      strata.add(new DirectStandardization.PairStratum(key, iopCounts.getOrDefault(key, none),
          otherCounts.getOrDefault(key, none)));
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
