package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.SparkTestSession;
import org.junit.jupiter.api.Test;

/** Line numbers are the same whether a file is read whole or split among tasks. */
class TextLinesTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  @Test
  void wholeAndSplitReadsNumberEveryLineAlike() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("\uFEFFheader,a\n".getBytes(StandardCharsets.UTF_8));
    List<String> expected = new ArrayList<>(List.of("header,a"));
    for (int i = 2; i <= 3000; i++) {
      String line = i % 97 == 0 ? "" : "row " + i + ",value";
      bytes.write((line + (i % 5 == 0 ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
      expected.add(line);
    }
    bytes.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, '\n'});
    expected.add("bad\uFFFD");
    Path file = SparkTestSession.tempDir("text-lines").resolve("lines.csv");
    Files.write(file, bytes.toByteArray());

    List<TextLines.Line> whole = TextLines.read(SPARK, file.toString()).collect();
    var split = TextLines.read(SPARK, file.toString(), 0, 4096);
    assertTrue(split.getNumPartitions() > 5, "the split read really uses several splits");
    assertEquals(1, TextLines.read(SPARK, file.toString()).getNumPartitions());

    assertEquals(whole, split.collect());
    assertEquals(expected.size(), whole.size());
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(i + 1, whole.get(i).number());
      assertEquals(expected.get(i), whole.get(i).text(), "line " + (i + 1));
    }
    assertEquals(List.of(false), whole.stream().filter(l -> !l.validUtf8()).map(TextLines.Line::validUtf8).toList());
    assertEquals(3001, whole.stream().filter(l -> !l.validUtf8()).findFirst().orElseThrow().number());
  }
}
