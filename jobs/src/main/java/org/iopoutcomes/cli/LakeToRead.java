package org.iopoutcomes.cli;

import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.lake.Lake;
import picocli.CommandLine.Option;

/** The {@code --lake} option of the commands that read what runs wrote (export, dashboard, sql-server). */
final class LakeToRead {

  @Option(names = "--lake", paramLabel = "<dir>", defaultValue = "lake",
      description = "The lake folder or URI. Default: ${DEFAULT-VALUE}")
  String lake;

  /** The lake on the session; one clear line when its folder does not exist. */
  Lake open(SparkSession spark) {
    Lake opened = new Lake(spark, lake);
    if (!opened.rootExists()) {
      throw new Lake.LakeException(lake + ": no such lake folder");
    }
    return opened;
  }
}
