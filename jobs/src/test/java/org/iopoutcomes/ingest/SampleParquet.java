package org.iopoutcomes.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.contract.EntitySchema;
import org.iopoutcomes.pipeline.SparkSessions;

/**
 * Writes {@code data-samples/formats/sessions.parquet}: the rows of {@code sample/sessions.csv} as
 * one Parquet file with the contract's types (dates as dates, minutes as integers). Run from the
 * repository root after {@code mvn -q test-compile}:
 * <pre>
 * java $(cat .mvn/jvm.config) -cp "jobs/target/test-classes:jobs/target/classes:jobs/target/lib/*" \
 *     org.iopoutcomes.ingest.SampleParquet
 * </pre>
 * FormatsTest checks that the file gives the same rows as the CSV.
 */
public final class SampleParquet {

  public static void main(String[] args) throws IOException {
    EntitySchema sessions = Contract.load().entity("sessions");
    StructType silver = SilverTables.schema(sessions);
    StructType typed = new StructType(Arrays.stream(silver.fields())
        .filter(f -> sessions.columnNames().contains(f.name()))
        .toArray(StructField[]::new));
    SparkSession spark = SparkSessions.local(SparkSessions.builder("sample parquet"), 1).getOrCreate();
    Path staging = Files.createTempDirectory("sessions-parquet");
    // RFC 4180: a quote inside a quoted field is doubled, not backslash-escaped.
    spark.read().option("header", "true").option("escape", "\"").schema(typed)
        .csv("data-samples/sample/sessions.csv")
        .coalesce(1).write().mode("overwrite").parquet(staging.resolve("out").toString());
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(staging.resolve("out"), "part-*.parquet")) {
      for (Path part : parts) {
        Files.copy(part, Path.of("data-samples/formats/sessions.parquet"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    spark.stop();
  }
}
