package org.iopoutcomes.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A Delta table's commit log read as plain files: the latest version is the highest numbered commit
 * file in {@code _delta_log/}, and a commit's own record ({@code commitInfo}) says what it wrote. Reading
 * them costs a directory listing and one small file, where {@code DeltaTable.history()} costs a Spark
 * job and {@code isDeltaTable} a snapshot.
 */
final class CommitLog {

  /** Commit files are named by their version, zero-padded to 20 digits. */
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Configuration hadoop;

  CommitLog(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** The table's latest committed version; empty where no commit exists (no table yet). */
  OptionalLong latestVersion(String tablePath) {
    Path log = new Path(tablePath, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(hadoop);
      long latest = -1;
      for (FileStatus file : fs.listStatus(log)) {
        String name = file.getPath().getName();
        if (COMMIT_FILE.matcher(name).matches()) {
          latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return latest < 0 ? OptionalLong.empty() : OptionalLong.of(latest);
    } catch (FileNotFoundException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the commit log of " + tablePath, e);
    }
  }

  /** The operation metrics (numOutputRows, ...) that a commit recorded; empty where it recorded none. */
  Map<String, String> operationMetrics(String tablePath, long version) {
    Path commit = new Path(new Path(tablePath, "_delta_log"), String.format("%020d.json", version));
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        commit.getFileSystem(hadoop).open(commit), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode action = JSON.readTree(line);
        if (action.has("commitInfo")) {
          Map<String, String> metrics = new HashMap<>();
          action.get("commitInfo").path("operationMetrics").fields()
              .forEachRemaining(field -> metrics.put(field.getKey(), field.getValue().asText()));
          return metrics;
        }
      }
      return Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + version + " of " + tablePath, e);
    }
  }
}
