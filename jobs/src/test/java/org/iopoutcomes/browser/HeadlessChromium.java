package org.iopoutcomes.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium, headless, driven through its chromedriver by the W3C WebDriver protocol over
 * HTTP (java.net.http and Jackson). A WebDriver client library (Selenium) would bring Guava 33 onto
 * the jobs' compile classpath over the Guava 16 that Hive's thrift server needs, so the few commands
 * the tests use are sent directly. The browser keeps its console and network logs
 * (goog:loggingPrefs), which the tests read to prove a page logged no error and made no request.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

  /** One entry of the browser's console or performance log. */
  public record LogEntry(String level, String message) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final Path profile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String session;

  /** Whether chromium and chromedriver are installed (.ci/run installs them from Debian). */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public HeadlessChromium(int width, int height) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      profile = Files.createTempDirectory("chromium-profile");
      driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      base = "http://127.0.0.1:" + port;
      awaitReady();
      // The flags of a closed network: without the background-networking ones chromium keeps trying to
      // reach Google's services, which would show up as requests the page did not make.
      List<String> args = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height);
      ObjectNode capabilities = JSON.createObjectNode();
      ObjectNode always = capabilities.putObject("capabilities").putObject("alwaysMatch");
      always.put("browserName", "chrome");
      ObjectNode chrome = always.putObject("goog:chromeOptions");
      chrome.put("binary", CHROMIUM.toString());
      args.forEach(chrome.putArray("args")::add);
      always.putObject("goog:loggingPrefs").put("browser", "ALL").put("performance", "ALL");
      session = send("POST", "/session", capabilities).get("sessionId").asText();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + CHROMEDRIVER, e);
    }
  }

  /**
   * Opens the page, after a blank page and with the logs emptied first, so that what the logs hold
   * afterwards is this page's alone (not the browser's start page).
   */
  public void open(URI url) {
    send("POST", path("/url"), Map.of("url", "about:blank"));
    log("browser");
    log("performance");
    send("POST", path("/url"), Map.of("url", url.toString()));
  }

  /** Runs a script in the page and returns what it returns, as JSON. */
  public JsonNode script(String body) {
    return send("POST", path("/execute/sync"), Map.of("script", body, "args", List.of()));
  }

  public void resize(int width, int height) {
    send("POST", path("/window/rect"), Map.of("width", width, "height", height));
  }

  /** A PNG of the viewport. */
  public byte[] screenshot() {
    return Base64.getDecoder().decode(send("GET", path("/screenshot"), null).asText());
  }

  /** The page printed to PDF (A4-ish defaults, print styles applied), by the DevTools protocol. */
  public byte[] printToPdf() {
    JsonNode result = send("POST", path("/goog/cdp/execute"),
        Map.of("cmd", "Page.printToPDF", "params", Map.of("printBackground", true)));
    return Base64.getDecoder().decode(result.get("data").asText());
  }

  /** The log of the given type ("browser": console; "performance": DevTools events) since the last read. */
  public List<LogEntry> log(String type) {
    List<LogEntry> entries = new ArrayList<>();
    for (JsonNode entry : send("POST", path("/se/log"), Map.of("type", type))) {
      entries.add(new LogEntry(entry.path("level").asText(), entry.path("message").asText()));
    }
    return entries;
  }

  /** The URLs of every request the browser sent (the performance log's Network.requestWillBeSent). */
  public List<String> requestedUrls() {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : log("performance")) {
      try {
        JsonNode message = JSON.readTree(entry.message()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          urls.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable performance log entry: " + entry.message(), e);
      }
    }
    return urls;
  }

  @Override
  public void close() {
    try {
      send("DELETE", path(""), null);
    } finally {
      driver.destroy();
      try {
        driver.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deleteQuietly(profile);
    }
  }

  private String path(String suffix) {
    return "/session/" + session + suffix;
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(status.body()).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
    throw new IOException(CHROMEDRIVER + " did not become ready in 20 s");
  }

  /** Sends one WebDriver command; returns its "value", or fails with the driver's error. */
  private JsonNode send(String method, String path, Object body) {
    try {
      HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/json").method(method, publisher).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode value = JSON.readTree(response.body()).path("value");
      if (response.statusCode() != 200) {
        throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
            + value.path("error").asText() + ": " + value.path("message").asText());
      }
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("WebDriver " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile in the temporary folder is harmless
    }
  }
}
