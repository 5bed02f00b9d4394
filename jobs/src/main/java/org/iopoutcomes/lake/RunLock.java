package org.iopoutcomes.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One run at a time on a lake: a lock file {@code <lake>/_run.lock}, created only if absent (an
 * atomic create on HDFS and local file systems), naming the run, host and process that hold it. A
 * second run fails at once with a message naming the holder; nothing of it is written. A lock left
 * by a process that was killed on this host is taken over, since that process can no longer write.
 * On object stores without atomic create (S3), use one scheduler that never starts two runs.
 */
public final class RunLock implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "_run.lock";

  private final FileSystem fs;
  private final Path path;

  private RunLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Takes the lake's lock for {@code runId}, or throws {@link LakeBusyException}. */
  public static RunLock acquire(SparkSession spark, Lake lake, String runId) {
    Path path = new Path(lake.root(), FILE);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(path.getParent());
      for (int attempt = 0; attempt < 2; attempt++) {
        try (OutputStream out = fs.create(path, false)) {
          out.write(holder(runId).getBytes(StandardCharsets.UTF_8));
          return new RunLock(fs, path);
        } catch (FileAlreadyExistsException | org.apache.hadoop.fs.ParentNotDirectoryException e) {
          ObjectNode held = read(fs, path);
          if (attempt == 0 && isStale(held)) {
            fs.delete(path, false);
            continue;
          }
          throw new LakeBusyException(lake.root() + " is in use by run " + text(held, "run_id") + " (process "
              + text(held, "pid") + " on " + text(held, "host") + ", since " + text(held, "started_at")
              + "); wait for it to end, or delete " + path + " if that run is gone");
        } catch (IOException e) {
          if (fs.exists(path) && attempt == 0) {
            continue;
          }
          throw e;
        }
      }
      throw new LakeBusyException(lake.root() + " is in use by another run (" + path + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock lake " + lake.root(), e);
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + path, e);
    }
  }

  private static String holder(String runId) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("run_id", runId);
    node.put("host", InetAddress.getLocalHost().getHostName());
    node.put("pid", ProcessHandle.current().pid());
    node.put("started_at", Instant.now().toString());
    return node.toString();
  }

  private static ObjectNode read(FileSystem fs, Path path) {
    try (InputStream in = fs.open(path)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException | ClassCastException e) {
      return JSON.createObjectNode();
    }
  }

  /** Held by a process of this host that no longer runs. */
  private static boolean isStale(ObjectNode held) throws IOException {
    if (!held.hasNonNull("pid") || !held.hasNonNull("host")) {
      return false;
    }
    boolean sameHost = held.get("host").asText().equals(InetAddress.getLocalHost().getHostName());
    return sameHost && ProcessHandle.of(held.get("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
  }

  private static String text(ObjectNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : "?";
  }

  /** Another run holds the lake. */
  public static class LakeBusyException extends Lake.LakeException {
    public LakeBusyException(String message) {
      super(message);
    }
  }
}
