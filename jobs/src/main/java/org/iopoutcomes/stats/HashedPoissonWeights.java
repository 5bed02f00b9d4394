package org.iopoutcomes.stats;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A record's {@link PoissonBootstrap} weight in each resample, drawn from a hash of (seed, resample,
 * record id) so that every record can be weighted where it lies, with no coordination and no state.
 *
 * <p>The hash is Spark SQL's {@code xxhash64(seed, resample, id)} for a bigint seed, an int resample
 * and a string id, computed with Spark's own XXH64: each argument is hashed with the previous result
 * as its seed, starting from 42. Its low 53 bits over 2^53 are the uniform number u in [0, 1), as in
 * the SQL {@code (xxhash64(...) & 9007199254740991L) / 9007199254740992.0}, so plain Java and SQL draw
 * the same weights. (SQL makes that quotient a DECIMAL(38,17) and compares it with the distribution
 * function as a double. From 0.25 up, where the function's steps lie, doubles are 2^-54 apart and the
 * decimal's rounding is under 10^-17, so that double is exactly ours; below, every weight is 0.)
 */
public final class HashedPoissonWeights implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The seed Spark's xxhash64 starts from. */
  private static final long XXHASH64_SEED = 42L;
  private static final long LOW_53_BITS = (1L << 53) - 1;
  private static final double TWO_TO_THE_53 = 0x1.0p53;

  /** xxhash64(seed, resample): the hash folds its arguments left to right, so this part is shared by all records. */
  private final long[] resampleHashes;

  public HashedPoissonWeights(long seed, int resamples) {
    long seedHash = XXH64.hashLong(seed, XXHASH64_SEED);
    resampleHashes = new long[resamples];
    for (int b = 0; b < resamples; b++) {
      resampleHashes[b] = XXH64.hashInt(b, seedHash);
    }
  }

  public int resamples() {
    return resampleHashes.length;
  }

  /** The record's weight in resample b (0 ≤ b < resamples). */
  public int weight(int resample, UTF8String recordId) {
    return PoissonBootstrap.weight(uniform(hash(resample, recordId)));
  }

  /** xxhash64(seed, resample, recordId); a null id leaves the hash as it is, as SQL does. */
  public long hash(int resample, UTF8String recordId) {
    long resampleHash = resampleHashes[resample];
    return recordId == null ? resampleHash : XXH64.hashUTF8String(recordId, resampleHash);
  }

  /** Every multiple of 2^-53 in [0, 1) is equally likely, and each converts to a double exactly. */
  public static double uniform(long hash) {
    return (hash & LOW_53_BITS) / TWO_TO_THE_53;
  }
}
