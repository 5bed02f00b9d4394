package org.iopoutcomes.generate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code _generator.json}: what a generated batch is, so that the next increment can continue it.
 * The underscore keeps the pipeline from reading it as data.
 *
 * @param episodes N, admissions per 3-year block of the world
 * @param afterDay the last day of the batch this one continues (null for a first batch)
 * @param firstDay the first day of activity the batch reports
 * @param lastDay the last day of activity it reports; an increment continues from here
 * @param rows rows written per entity
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GeneratorManifest(
    @JsonProperty("generator_version") int generatorVersion,
    @JsonProperty("episodes") long episodes,
    @JsonProperty("seed") long seed,
    @JsonProperty("format") String format,
    @JsonProperty("world_first_day") String worldFirstDay,
    @JsonProperty("after_day") String afterDay,
    @JsonProperty("first_day") String firstDay,
    @JsonProperty("last_day") String lastDay,
    @JsonProperty("rows") Map<String, Long> rows) {

  public static final String FILE_NAME = "_generator.json";
  /** Bumped whenever a change to the generator changes the world that (N, seed) give. */
  public static final int GENERATOR_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public World world() {
    return new World(episodes, seed);
  }

  public LocalDate last() {
    return LocalDate.parse(lastDay);
  }

  public static GeneratorManifest read(String batch, Configuration hadoopConf) {
    Path path = new Path(batch, FILE_NAME);
    try (InputStream in = path.getFileSystem(hadoopConf).open(path)) {
      GeneratorManifest manifest = JSON.readValue(in, GeneratorManifest.class);
      if (manifest.generatorVersion() != GENERATOR_VERSION) {
        throw new IllegalArgumentException(path + ": made by generator version " + manifest.generatorVersion()
            + ", this one is version " + GENERATOR_VERSION + "; an increment would not continue the same world");
      }
      return manifest;
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException(batch + ": not a generated batch (no " + FILE_NAME + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  void write(String batch, Configuration hadoopConf) {
    Path path = new Path(batch, FILE_NAME);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      try (OutputStream out = fs.create(path, true)) {
        JSON.writeValue(out, this);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
