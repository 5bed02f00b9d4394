package org.iopoutcomes.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in data dictionary is what the schema files generate. */
class DataDictionaryTest {

  private static final Path CHECKED_IN = Path.of("..", "docs", "data-dictionary.md");
  private static final Path GENERATED = Path.of("target", "data-dictionary.md");

  @Test
  void checkedInDictionaryIsCurrent() throws IOException {
    String generated = DataDictionary.markdown(Contract.load());
    Files.writeString(GENERATED, generated);
    String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "";
    assertEquals(generated, checkedIn, "docs/data-dictionary.md is out of date with schemas/: "
        + "cp jobs/target/data-dictionary.md docs/data-dictionary.md");
  }
}
