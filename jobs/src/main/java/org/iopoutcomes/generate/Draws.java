package org.iopoutcomes.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random streams of the generated world and the few distributions it draws from. Every stream is
 * seeded from the world's seed and a key (an episode's index, a group session's coordinates), so a
 * value never depends on which Spark task draws it or in which order.
 */
final class Draws {

  private Draws() {}

  /** The stream of one key, e.g. {@code stream(seed, EPISODE, index)}. */
  static SplittableRandom stream(long seed, long... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long key : keys) {
      h = mix(h ^ mix(key + 0x632BE59BD9B4E019L));
    }
    return new SplittableRandom(h);
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: every input bit moves every output bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A triangular distribution of whole days, (low, mode, high) inclusive. */
  record Triangle(int low, int mode, int high) implements Serializable {
    int draw(SplittableRandom random) {
      double u = random.nextDouble();
      double split = (double) (mode - low) / Math.max(1, high - low);
      double value = u < split
          ? low + Math.sqrt(u * (high - low) * (mode - low))
          : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
      return (int) Math.round(value);
    }

    double mean() {
      return (low + mode + high) / 3.0;
    }
  }

  /** A discrete distribution: values with relative weights, drawn in their given order. */
  static final class Weights<T extends Serializable> implements Serializable {
    private final List<T> values = new ArrayList<>();
    private final double[] cumulative;

    Weights(Map<T, Double> weights) {
      cumulative = new double[weights.size()];
      double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
      double sum = 0;
      int i = 0;
      for (Map.Entry<T, Double> entry : weights.entrySet()) {
        values.add(entry.getKey());
        sum += entry.getValue() / total;
        cumulative[i++] = sum;
      }
    }

    /** Weights given as value, weight, value, weight ... in order. */
    @SuppressWarnings("unchecked")
    static <T extends Serializable> Weights<T> of(Object... valueWeightPairs) {
      Map<T, Double> weights = new LinkedHashMap<>();
      for (int i = 0; i < valueWeightPairs.length; i += 2) {
        weights.put((T) valueWeightPairs[i], ((Number) valueWeightPairs[i + 1]).doubleValue());
      }
      return new Weights<>(weights);
    }

    T draw(SplittableRandom random) {
      double u = random.nextDouble();
      for (int i = 0; i < cumulative.length - 1; i++) {
        if (u < cumulative[i]) {
          return values.get(i);
        }
      }
      return values.get(values.size() - 1);
    }

    /** The share of one value (0 if absent). */
    double share(T value) {
      int i = values.indexOf(value);
      return i < 0 ? 0 : cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    List<T> values() {
      return values;
    }
  }
}
