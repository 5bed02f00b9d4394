package org.iopoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineTest {

  @Test
  void plainFields() {
    assertEquals(List.of("a", "b", "", "d"), CsvLine.parse("a,b,,d").fields());
  }

  @Test
  void quotedFieldsHoldCommasAndDoubledQuotes() {
    CsvLine.Parsed parsed = CsvLine.parse("x,\"yoga, outdoors\",\"the \"\"calm\"\" room\"");
    assertNull(parsed.error());
    assertEquals(List.of("x", "yoga, outdoors", "the \"calm\" room"), parsed.fields());
  }

  @Test
  void trailingEmptyField() {
    assertEquals(List.of("a", ""), CsvLine.parse("a,").fields());
  }

  @Test
  void anOpenQuoteIsMalformed() {
    assertEquals(CsvLine.UNBALANCED_QUOTE, CsvLine.parse("a,\"b,c").error());
  }

  @Test
  void aStrayQuoteInsideAnUnquotedFieldIsMalformed() {
    assertEquals(CsvLine.UNBALANCED_QUOTE, CsvLine.parse("a,b\"c,d").error());
  }
}
