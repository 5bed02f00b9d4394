package org.iopoutcomes.ingest;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The lines of a text file with their line numbers, read in parallel. Hadoop's input splits come
 * in file order, so numbering with zipWithIndex gives each physical line its number (from 1).
 */
public final class TextLines {

  /** One physical line; {@code validUtf8} is false when its bytes are not UTF-8. */
  public record Line(long number, String text, boolean validUtf8) implements Serializable {
    public boolean isBlank() {
      return text.isBlank();
    }
  }

  private TextLines() {}

  public static JavaRDD<Line> read(SparkSession spark, String path) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return jsc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class,
            spark.sparkContext().hadoopConfiguration())
        .map(offsetAndLine -> decode(offsetAndLine._2()))
        .zipWithIndex()
        .map(lineAndIndex -> lineAndIndex._1().numbered(lineAndIndex._2() + 1));
  }

  /** Text with a number yet to come: Hadoop reuses its Text objects, so the bytes are decoded here. */
  private record Unnumbered(String text, boolean validUtf8) implements Serializable {
    Line numbered(long number) {
      String withoutBom = number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
      return new Line(number, withoutBom, validUtf8);
    }
  }

  private static Unnumbered decode(Text line) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return new Unnumbered(strict.decode(ByteBuffer.wrap(line.getBytes(), 0, line.getLength())).toString(), true);
    } catch (CharacterCodingException e) {
      return new Unnumbered(new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8), false);
    }
  }
}
