package org.iopoutcomes.ingest;

/** What one input file gave: rows read = accepted + quarantined. */
public record FileCount(String batch, String entity, String sourceFile, String format,
    long rowsRead, long rowsAccepted, long rowsQuarantined) {

  public FileCount {
    if (rowsRead != rowsAccepted + rowsQuarantined) {
      throw new IllegalStateException(sourceFile + ": " + rowsRead + " rows read but " + rowsAccepted
          + " accepted and " + rowsQuarantined + " quarantined");
    }
  }
}
