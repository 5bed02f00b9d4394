package org.iopoutcomes.ingest;

import java.io.Serializable;

/**
 * One input file of a batch: which entity it holds and in which format (told by its ending).
 *
 * @param batch the batch folder, as given
 * @param path the file's full path (a folder of part files yields one SourceFile per part)
 */
public record SourceFile(String batch, String entity, String path, Format format) implements Serializable {

  /** The formats the contract accepts, by file ending. */
  public enum Format {
    CSV(".csv"), JSON_LINES(".jsonl"), PARQUET(".parquet");

    private final String ending;

    Format(String ending) {
      this.ending = ending;
    }

    public String ending() {
      return ending;
    }

    /** The format a file name's ending tells, or null if the ending is none of the three. */
    public static Format ofFileName(String name) {
      String lower = name.toLowerCase();
      for (Format format : values()) {
        if (lower.endsWith(format.ending)) {
          return format;
        }
      }
      return null;
    }
  }

  /** The file's name without its folders, for messages and reports. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
