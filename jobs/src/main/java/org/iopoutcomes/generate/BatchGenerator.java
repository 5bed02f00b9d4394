package org.iopoutcomes.generate;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.ingest.SourceFile;
import org.iopoutcomes.pipeline.Progress;

/**
 * Writes a batch of a generated world: {@code <out>/<entity>/part-*} for each entity of the
 * contract and {@code <out>/_generator.json}. A first batch reports the world through a day; an
 * increment continues a generated batch with the next days, so that ingesting the base and then
 * the increment gives the world as known through the increment's last day.
 */
public final class BatchGenerator {

  /** What to write: the world, the window it reports, where and in which format. */
  public record Request(World world, KnownWindow window, String out, SourceFile.Format format, boolean replace) {}

  private final SparkSession spark;
  private final Progress progress;

  public BatchGenerator(SparkSession spark, Progress progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /** The request for the {@code days} days after a generated batch. */
  public static Request increment(SparkSession spark, String base, int days, String out, SourceFile.Format format,
      boolean replace) {
    GeneratorManifest manifest = GeneratorManifest.read(base, spark.sparkContext().hadoopConfiguration());
    SourceFile.Format chosen = format != null ? format : SourceFile.Format.ofFileName("x." + manifest.format());
    return new Request(manifest.world(), KnownWindow.after(manifest.last(), days), out, chosen, replace);
  }

  private static long rowsWritten(Observation written) {
    try {
      return ((Number) written.getAsJava().get("rows")).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting rows", e);
    }
  }

  public GeneratorManifest generate(Request request) {
    if (new Path(request.out()).getName().isEmpty()) {
      throw new IllegalArgumentException("--out must name a folder");
    }
    BatchWriter.prepare(request.out(), request.replace(), spark.sparkContext().hadoopConfiguration());
    WorldBatch batch = new WorldBatch(spark, request.world(), request.window());
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String entity : Contract.load().entityOrder()) {
      long start = System.nanoTime();
      Observation written = new Observation(entity);
      Dataset<Row> observed = batch.entity(entity).observe(written, count(lit(1)).as("rows"));
      BatchWriter.write(observed, new Path(request.out(), entity).toString(), request.format());
      rows.put(entity, rowsWritten(written));
      progress.say(String.format("%-10s %,12d rows in %.1f s", entity, rows.get(entity), (System.nanoTime() - start) / 1e9));
    }
    KnownWindow window = request.window();
    GeneratorManifest manifest = new GeneratorManifest(GeneratorManifest.GENERATOR_VERSION,
        request.world().episodesPerBlock(), request.world().seed(), request.format().ending().substring(1),
        LocalDate.ofEpochDay(World.firstDay()).toString(),
        window.afterDay() == null ? null : LocalDate.ofEpochDay(window.afterDay()).toString(),
        window.first().toString(), window.last().toString(), rows);
    manifest.write(request.out(), spark.sparkContext().hadoopConfiguration());
    return manifest;
  }
}
