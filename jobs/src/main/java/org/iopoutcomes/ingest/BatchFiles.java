package org.iopoutcomes.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.iopoutcomes.contract.Contract;

/**
 * Finds the entity files of a batch folder: {@code <entity>.<csv|jsonl|parquet>}, or a folder
 * {@code <entity>/} of part files. Names starting with '.' or '_' (checksums, _SUCCESS markers)
 * are not data; any other file that names no entity of the contract refuses the batch.
 */
public final class BatchFiles {

  private BatchFiles() {}

  public static List<SourceFile> list(String batch, Configuration hadoopConf, Contract contract) {
    try {
      Path folder = new Path(batch);
      FileSystem fs = folder.getFileSystem(hadoopConf);
      if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
        throw new InputRefusedException(batch + ": no such batch folder");
      }
      List<SourceFile> files = new ArrayList<>();
      for (FileStatus entry : sorted(fs.listStatus(folder))) {
        String name = entry.getPath().getName();
        if (isHidden(name)) {
          continue;
        }
        if (entry.isDirectory()) {
          files.addAll(partFiles(batch, entry, fs, contract));
        } else {
          files.add(entityFile(batch, name, entry.getPath().toString(), contract));
        }
      }
      if (files.isEmpty()) {
        throw new InputRefusedException(batch + ": the batch folder holds no entity file ("
            + String.join(", ", contract.entityOrder()) + ")");
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list batch folder " + batch, e);
    }
  }

  private static List<SourceFile> partFiles(String batch, FileStatus folder, FileSystem fs, Contract contract)
      throws IOException {
    String entity = folder.getPath().getName();
    if (!contract.isEntity(entity)) {
      throw new InputRefusedException(folder.getPath() + ": unknown entity folder (expected one of "
          + String.join(", ", contract.entityOrder()) + ")");
    }
    List<SourceFile> parts = new ArrayList<>();
    for (FileStatus part : sorted(fs.listStatus(folder.getPath()))) {
      String name = part.getPath().getName();
      if (isHidden(name)) {
        continue;
      }
      SourceFile.Format format = SourceFile.Format.ofFileName(name);
      if (part.isDirectory() || format == null) {
        throw new InputRefusedException(part.getPath() + ": unsupported part file (expected .csv, .jsonl or .parquet)");
      }
      parts.add(new SourceFile(batch, entity, part.getPath().toString(), format));
    }
    return parts;
  }

  private static SourceFile entityFile(String batch, String name, String path, Contract contract) {
    SourceFile.Format format = SourceFile.Format.ofFileName(name);
    if (format == null) {
      throw new InputRefusedException(path + ": unsupported format (expected .csv, .jsonl or .parquet)");
    }
    String entity = name.substring(0, name.length() - format.ending().length());
    if (!contract.isEntity(entity)) {
      throw new InputRefusedException(path + ": unknown entity file (expected one of "
          + String.join(", ", contract.entityOrder()) + ")");
    }
    return new SourceFile(batch, entity, path, format);
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  private static List<FileStatus> sorted(FileStatus[] entries) {
    return Arrays.stream(entries).sorted(Comparator.comparing(s -> s.getPath().getName())).toList();
  }
}
