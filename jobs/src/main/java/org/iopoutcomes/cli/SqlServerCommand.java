package org.iopoutcomes.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hive.service.Service;
import org.apache.hive.service.cli.thrift.ThriftCLIService;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.scheduler.SparkListenerInterface;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.lake.Lake;
import org.iopoutcomes.publish.SqlViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code outcomes sql-server}: the lake's dashboard views for BI tools, through a Spark Thrift Server
 * (HiveServer2 protocol, binary transport) inside this process. What it prints:
 * <pre>
 * outcomes sql-server: the dashboard views of the lake /work/lake (small counts hidden)
 *   JDBC URL: jdbc:hive2://localhost:10000/outcomes  (HiveServer2, binary transport, no authentication)
 *   views:    outcomes.completion, outcomes.retention, ...
 * Listening on localhost, this machine only; stop with Ctrl-C.
 * </pre>
 * Ctrl-C stops the server before Spark's own shutdown. Interrupting the thread that runs the command
 * (as a test does) stops the server and returns, leaving the SparkContext running.
 */
@Command(name = "sql-server", mixinStandardHelpOptions = true,
    description = {
      "Serves the dashboard views to BI tools (Power BI, Tableau, Superset).",
      "A Spark Thrift Server (HiveServer2 protocol, binary transport, no",
      "authentication) with one view per dashboard table, small counts hidden, in",
      "the database 'outcomes': jdbc:hive2://<host>:<port>/outcomes. Gold, silver",
      "and quarantine tables are not served. Each query reads the views' latest",
      "version, so a later 'outcomes run' shows in the next query. Runs until",
      "interrupted (Ctrl-C)."})
public final class SqlServerCommand implements Callable<Integer> {

  /** Before Spark's shutdown hook (priority 40, which stops the SparkContext). */
  private static final int SHUTDOWN_PRIORITY = 50;

  /**
   * Where Derby's log goes (derby.stream.error.field): nowhere. The Thrift server keeps a throwaway
   * in-memory Derby metastore for Hive's session state; without this it leaves a derby.log in the
   * working directory.
   */
  public static final OutputStream DERBY_LOG = OutputStream.nullOutputStream();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  LakeToRead lake;

  @Option(names = "--port", paramLabel = "<N>", defaultValue = "10000",
      description = "The port to listen on (0: any free port). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--host", paramLabel = "<address>", defaultValue = "localhost",
      description = {"The address to listen on. Default: ${DEFAULT-VALUE}, this machine only.",
          "0.0.0.0: every interface (anyone who reaches the port can query: no authentication)."})
  String host;

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    checkPortFree();
    quietHiveInternals();
    SparkSession spark = LocalSpark.start("outcomes sql-server");
    Lake lakeTables = lake.open(spark);
    SqlViews.Registered registered = SqlViews.register(spark, lakeTables, Contract.load());
    ThriftServer server = start(spark);
    PrintWriter out = spec.commandLine().getOut();
    Runnable stop = () -> {
      if (server.stop()) {
        out.println("outcomes sql-server: stopped");
        out.flush();
      }
    };
    org.apache.hadoop.util.ShutdownHookManager.get().addShutdownHook(stop, SHUTDOWN_PRIORITY);
    printServing(out, lakeTables, registered, server.port());
    awaitInterrupt();
    org.apache.hadoop.util.ShutdownHookManager.get().removeShutdownHook(stop);
    stop.run();
    Thread.currentThread().interrupt();
    return 0;
  }

  /** Fails fast, before Spark starts, when the address cannot be listened on. */
  private void checkPortFree() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--host " + host + ": no such address on this machine");
    } catch (BindException e) {
      throw portRefused(e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
    }
  }

  private ThriftServer start(SparkSession spark) {
    try {
      return ThriftServer.start(spark, host, port);
    } catch (RuntimeException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException) {
          throw portRefused(cause);
        }
      }
      throw e;
    }
  }

  private IllegalArgumentException portRefused(Throwable cause) {
    return new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + cause.getMessage()
        + "): is another server using the port? Choose another with --port");
  }

  /**
   * Silences what is noise here: libthrift 0.12 logs every client that disconnects (end of stream) as an
   * ERROR with a stack trace, and the throwaway Derby metastore of Hive's session state warns that it
   * has no schema version and no default database. The errors a client can cause reach the client.
   */
  private static void quietHiveInternals() {
    if (System.getProperty("derby.stream.error.file") == null
        && System.getProperty("derby.stream.error.field") == null) {
      System.setProperty("derby.stream.error.field", SqlServerCommand.class.getName() + ".DERBY_LOG");
    }
    Configurator.setLevel("org.apache.thrift.server.TThreadPoolServer", Level.FATAL);
    Configurator.setLevel("org.apache.hadoop.hive.metastore.ObjectStore", Level.ERROR);
    Configurator.setLevel("org.apache.hadoop.hive.ql.session.SessionState", Level.ERROR);
  }

  /** Blocks until the thread is interrupted. On Ctrl-C the JVM ends while it blocks, once the hook has run. */
  private static void awaitInterrupt() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      // The signal to stop; the interrupt status is restored once the server has stopped.
    }
  }

  private void printServing(PrintWriter out, Lake lakeTables, SqlViews.Registered registered, int boundPort) {
    boolean everywhere = host.equals("0.0.0.0") || host.equals("::");
    String root = lakeTables.root().contains(":") ? lakeTables.root()
        : Path.of(lakeTables.root()).toAbsolutePath().normalize().toString();
    out.printf("outcomes sql-server: the dashboard views of the lake %s (small counts hidden)%n", root);
    out.printf("  JDBC URL: jdbc:hive2://%s:%d/%s  (HiveServer2, binary transport, no authentication)%n",
        everywhere ? hostName() : host, boundPort, SqlViews.DATABASE);
    out.printf("  views:    %s%n", String.join(", ", registered.views()));
    if (!registered.missing().isEmpty()) {
      out.printf("  not in the lake yet (run `outcomes run`): %s%n", String.join(", ", registered.missing()));
    }
    out.printf("Listening on %s; stop with Ctrl-C.%n", everywhere ? "every interface (no authentication)"
        : loopback() ? host + ", this machine only" : host);
    out.flush();
  }

  private boolean loopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "<this host>";
    }
  }

  /**
   * The Spark Thrift Server on a session of its own, so that its settings do not reach the caller's
   * session. A class of its own, so that the command line loads on a Spark without the Thrift server
   * (picocli reflects on every command's methods).
   */
  static final class ThriftServer {
    private final SparkSession spark;
    private final HiveThriftServer2 server;
    private final SparkListenerInterface listener;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private ThriftServer(SparkSession spark, HiveThriftServer2 server, SparkListenerInterface listener) {
      this.spark = spark;
      this.server = server;
      this.listener = listener;
    }

    static ThriftServer start(SparkSession spark, String host, int port) {
      SparkSession serverSession = spark.newSession();
      serverSession.conf().set("hive.server2.transport.mode", "binary");
      serverSession.conf().set("hive.server2.thrift.bind.host", host);
      serverSession.conf().set("hive.server2.thrift.port", String.valueOf(port));
      serverSession.conf().set("hive.server2.authentication", "NONE");
      // Queries run as this process's user; there is no user to impersonate without authentication.
      serverSession.conf().set("hive.server2.enable.doAs", "false");
      HiveThriftServer2 server = HiveThriftServer2.startWithContext(serverSession.sqlContext());
      return new ThriftServer(spark, server, HiveThriftServer2.listener());
    }

    /** The port the server listens on (the one chosen when the port asked for was 0). */
    int port() {
      for (Service service : server.getServices()) {
        if (service instanceof ThriftCLIService thrift) {
          return thrift.getPortNumber();
        }
      }
      throw new IllegalStateException("the Thrift server has no Thrift service");
    }

    /**
     * Stops the server and its listener on the SparkContext, leaving the SparkContext running; true
     * the first time.
     */
    boolean stop() {
      if (!running.getAndSet(false)) {
        return false;
      }
      server.stop();
      spark.sparkContext().removeSparkListener(listener);
      return true;
    }
  }
}
