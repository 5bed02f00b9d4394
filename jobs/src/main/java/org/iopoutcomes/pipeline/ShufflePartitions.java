package org.iopoutcomes.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.ingest.SourceFile;

/**
 * The number of shuffle partitions of a run, sized to its input: about {@value #INPUT_BYTES_PER_PARTITION_MIB}
 * MiB of input files per partition, never fewer than {@value #MIN} nor more than {@value #MAX}. A
 * fixed small number gives a million-episode batch partitions of 15 million rows to sort; a fixed
 * large one makes a daily increment pay for hundreds of nearly empty tasks. Sizing applies only where the session asks for
 * it ({@value #SETTING} = {@value #SIZED}, as the local launchers do); a partition count set on the
 * cluster, or by the tests, is left alone.
 */
public final class ShufflePartitions {

  /** The session setting that asks for partitions sized to the input. */
  public static final String SETTING = "spark.outcomes.shufflePartitions";
  public static final String SIZED = "sized-to-input";

  static final long INPUT_BYTES_PER_PARTITION_MIB = 64;
  static final int MIN = 4;
  static final int MAX = 400;

  private ShufflePartitions() {}

  /** The partitions for this much input. */
  static int forInputBytes(long bytes) {
    long partitions = (bytes + (INPUT_BYTES_PER_PARTITION_MIB << 20) - 1) / (INPUT_BYTES_PER_PARTITION_MIB << 20);
    return (int) Math.max(MIN, Math.min(MAX, partitions));
  }

  /** Sets {@code spark.sql.shuffle.partitions} for the files, if the session asks for sizing; returns it. */
  static int applyFor(SparkSession spark, Collection<SourceFile> files) {
    if (!SIZED.equals(spark.conf().get(SETTING, ""))) {
      return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
    }
    int partitions = forInputBytes(totalBytes(spark.sparkContext().hadoopConfiguration(), files));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    return partitions;
  }

  private static long totalBytes(Configuration conf, Collection<SourceFile> files) {
    long bytes = 0;
    for (SourceFile file : files) {
      try {
        Path path = new Path(file.path());
        bytes += path.getFileSystem(conf).getFileStatus(path).getLen();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file.path(), e);
      }
    }
    return bytes;
  }
}
