package org.iopoutcomes.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.iopoutcomes.ingest.SourceFile;

/**
 * Writes one entity as a folder of part files the pipeline reads: CSV as RFC 4180 with a header
 * (quote and escape '"', dates yyyy-MM-dd, nulls as empty fields), JSON Lines with absent keys
 * for nulls (Spark names the parts .json; they are renamed .jsonl), or Parquet with typed columns.
 * Empty part files are removed, and so is an entity folder left with none.
 */
final class BatchWriter {

  private BatchWriter() {}

  static void write(Dataset<Row> rows, String folder, SourceFile.Format format) {
    switch (format) {
      case CSV -> rows.write().mode(SaveMode.ErrorIfExists)
          .option("header", "true").option("quote", "\"").option("escape", "\"")
          .option("dateFormat", "yyyy-MM-dd").option("nullValue", "").option("lineSep", "\n")
          .option("encoding", "UTF-8").csv(folder);
      case JSON_LINES -> rows.write().mode(SaveMode.ErrorIfExists)
          .option("dateFormat", "yyyy-MM-dd").option("ignoreNullFields", "true").option("lineSep", "\n")
          .json(folder);
      case PARQUET -> rows.write().mode(SaveMode.ErrorIfExists).parquet(folder);
    }
    tidy(new Path(folder), format, rows.sparkSession().sparkContext().hadoopConfiguration());
  }

  private static void tidy(Path folder, SourceFile.Format format, Configuration hadoopConf) {
    try {
      FileSystem fs = folder.getFileSystem(hadoopConf);
      int dataFiles = 0;
      for (FileStatus part : fs.listStatus(folder)) {
        String name = part.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        if (part.getLen() == 0) {
          fs.delete(part.getPath(), false);
          continue;
        }
        if (format == SourceFile.Format.JSON_LINES && name.endsWith(".json")) {
          fs.rename(part.getPath(), new Path(folder, name + "l"));
        }
        dataFiles++;
      }
      if (dataFiles == 0) {
        fs.delete(folder, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tidy " + folder, e);
    }
  }

  /** Refuses a folder that holds anything, unless it is an earlier generated batch and replacing was asked for. */
  static void prepare(String out, boolean replace, Configuration hadoopConf) {
    try {
      Path folder = new Path(out);
      FileSystem fs = folder.getFileSystem(hadoopConf);
      if (!fs.exists(folder) || (fs.getFileStatus(folder).isDirectory() && fs.listStatus(folder).length == 0)) {
        return;
      }
      boolean generated = fs.exists(new Path(folder, GeneratorManifest.FILE_NAME));
      if (replace && generated) {
        fs.delete(folder, true);
        return;
      }
      throw new IllegalArgumentException(out + " is not empty"
          + (generated ? "; add --replace to overwrite this generated batch" : "; choose an empty or new folder"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + out, e);
    }
  }
}
