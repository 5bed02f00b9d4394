package org.iopoutcomes.ingest;

/**
 * A file the pipeline will not read at all (unknown entity, unsupported format, missing required
 * column, a column that looks like a direct identifier). Raised before anything is written.
 */
public class InputRefusedException extends RuntimeException {
  public InputRefusedException(String message) {
    super(message);
  }
}
