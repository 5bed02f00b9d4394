package org.iopoutcomes.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The lines of a text file with their line numbers (from 1), read in parallel.
 *
 * <p>A file up to {@link #WHOLE_FILE_BYTES} is read as one partition and numbered as it is read: one
 * pass. A larger file is split so that several tasks share it; Hadoop's splits come in file order, so
 * zipWithIndex numbers its lines, at the price of a first pass that only counts them.
 */
public final class TextLines {

  /** Files up to this size are read whole by one task, which numbers lines without a counting pass. */
  static final long WHOLE_FILE_BYTES = 1L << 30;

  /** One physical line; {@code validUtf8} is false when its bytes are not UTF-8. */
  public record Line(long number, String text, boolean validUtf8) implements Serializable {
    public boolean isBlank() {
      return text.isBlank();
    }
  }

  private TextLines() {}

  public static JavaRDD<Line> read(SparkSession spark, String path) {
    return read(spark, path, WHOLE_FILE_BYTES, 0);
  }

  /** As {@link #read(SparkSession, String)}, with the whole-file limit and (if above 0) the split size given. */
  static JavaRDD<Line> read(SparkSession spark, String path, long wholeFileBytes, long maxSplitBytes) {
    Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
    boolean whole = length(path, conf) <= wholeFileBytes;
    if (whole) {
      conf.setLong(FileInputFormat.SPLIT_MINSIZE, Long.MAX_VALUE);
    } else if (maxSplitBytes > 0) {
      conf.setLong(FileInputFormat.SPLIT_MAXSIZE, maxSplitBytes);
    }
    JavaPairRDD<LongWritable, Text> lines = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf);
    if (whole) {
      return lines.mapPartitions(TextLines::numberedInOrder);
    }
    // Hadoop reuses its Text objects: each is decoded before the next is read.
    return lines.zipWithIndex().mapPartitions(numbered -> {
      CharsetDecoder decoder = strictUtf8();
      return new Iterator<Line>() {
        @Override
        public boolean hasNext() {
          return numbered.hasNext();
        }

        @Override
        public Line next() {
          Tuple2<Tuple2<LongWritable, Text>, Long> lineAndIndex = numbered.next();
          return decode(decoder, lineAndIndex._1()._2(), lineAndIndex._2() + 1);
        }
      };
    });
  }

  private static long length(String path, Configuration conf) {
    try {
      Path file = new Path(path);
      return file.getFileSystem(conf).getFileStatus(file).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The lines of a whole file, numbered from 1 as they come. */
  private static Iterator<Line> numberedInOrder(Iterator<Tuple2<LongWritable, Text>> lines) {
    CharsetDecoder decoder = strictUtf8();
    return new Iterator<>() {
      private long number;

      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Line next() {
        return decode(decoder, lines.next()._2(), ++number);
      }
    };
  }

  /** A decoder that reports bytes that are not UTF-8; one per task, reused line after line. */
  private static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static Line decode(CharsetDecoder strict, Text line, long number) {
    String text;
    boolean valid = true;
    try {
      text = strict.decode(ByteBuffer.wrap(line.getBytes(), 0, line.getLength())).toString();
    } catch (CharacterCodingException e) {
      text = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
      valid = false;
    }
    String withoutBom = number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    return new Line(number, withoutBom, valid);
  }
}
