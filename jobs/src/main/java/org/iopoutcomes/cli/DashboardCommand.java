package org.iopoutcomes.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.iopoutcomes.contract.Contract;
import org.iopoutcomes.publish.dashboard.DashboardPage;
import org.iopoutcomes.publish.dashboard.DashboardSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outcomes dashboard}: the static dashboard page of a lake's dashboard views. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = {
      "Writes <out>/index.html: one self-contained page (no script, no request; opens from the file system",
      "and prints) built from the lake's dashboard views as the last succeeded run left them: headline",
      "figures by level of care, trends by month of admission, completion, retention and cost per outcome",
      "by program component and by payment source, who pays, and the run's quarantined rows by rule.",
      "Hidden small counts read \"<11\"."})
final class DashboardCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  LakeToRead lake;

  @Option(names = "--out", paramLabel = "<dir>", defaultValue = "dashboard",
      description = "The folder to write index.html to (created if missing). Default: ${DEFAULT-VALUE}")
  Path out;

  @Option(names = "--level-of-care", paramLabel = "<code>", defaultValue = "all",
      description = "The level of care of the component, payer and who-pays sections (all, or a code such as"
          + " intensive_outpatient). Default: ${DEFAULT-VALUE}")
  String levelOfCare;

  @Override
  public Integer call() {
    Contract contract = Contract.load();
    DashboardPage.requireLevelOfCare(contract, levelOfCare);
    SparkSession spark = LocalSpark.start("outcomes dashboard");
    DashboardSnapshot snapshot = DashboardSnapshot.read(spark, lake.open(spark), contract);
    String html = new DashboardPage(snapshot, contract, levelOfCare).html();
    Path page = write(html);
    spec.commandLine().getOut().printf("dashboard of run %s (as of %s) written to %s%n", snapshot.runId(),
        snapshot.asOf(), page.toAbsolutePath());
    return 0;
  }

  /** Writes the page beside its final name and moves it into place, so no half-written page is seen. */
  private Path write(String html) {
    try {
      Files.createDirectories(out);
      Path page = out.resolve("index.html");
      Path staging = Files.createTempFile(out, ".index.", ".html");
      Files.writeString(staging, html, StandardCharsets.UTF_8);
      if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
        // createTempFile makes it private; the page is for anyone who may read the folder.
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(staging, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(out.toString(), e);
    }
  }
}
