package org.iopoutcomes.cli;

import java.io.PrintWriter;
import org.iopoutcomes.ingest.InputRefusedException;
import org.iopoutcomes.ingest.RejectLimit;
import org.iopoutcomes.lake.Lake;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code outcomes}: the command line of the outcomes pipeline. Errors a user can fix (a wrong
 * option, a missing folder, a refused file) end in one line naming what is wrong and exit code 2;
 * anything else in one line and exit code 1 (the stack trace with OUTCOMES_DEBUG=1).
 */
@Command(name = "outcomes",
    mixinStandardHelpOptions = true,
    versionProvider = OutcomesCli.Version.class,
    description = "Retention, completion and cost-per-outcome tables for treatment programs, in Delta Lake.",
    subcommands = {RunCommand.class, ExportCommand.class, ImportTedsCommand.class, GenerateCommand.class,
        DashboardCommand.class, SqlServerCommand.class, CommandLine.HelpCommand.class})
public final class OutcomesCli implements Runnable {

  public static final int USER_ERROR = 2;
  public static final int FAILURE = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, export, dashboard, sql-server, import-teds or generate");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs a command with its output and errors going to the given writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new OutcomesCli()).setOut(out).setErr(err);
    commandLine.setParameterExceptionHandler(OutcomesCli::onBadParameters);
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> onFailure(e, cl.getErr()));
    return commandLine.execute(args);
  }

  private static int onBadParameters(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("outcomes: " + e.getMessage());
    err.println("(see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
    return USER_ERROR;
  }

  private static int onFailure(Exception e, PrintWriter err) {
    if ("1".equals(System.getenv("OUTCOMES_DEBUG"))) {
      e.printStackTrace(err);
    }
    if (e instanceof InputRefusedException || e instanceof Lake.LakeException
        || e instanceof IllegalArgumentException || e instanceof RejectLimit.TooManyRejectsException) {
      err.println("outcomes: " + e.getMessage());
      return USER_ERROR;
    }
    if (e instanceof java.io.UncheckedIOException io) {
      err.println("outcomes: " + io.getMessage() + ": " + io.getCause().getMessage());
      return USER_ERROR;
    }
    err.println("outcomes: failed: " + firstLine(e) + " (OUTCOMES_DEBUG=1 shows the stack trace)");
    return FAILURE;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** The version of the jobs, from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = OutcomesCli.class.getPackage().getImplementationVersion();
      return new String[] {"outcomes " + (version == null ? "development" : version)};
    }
  }
}
