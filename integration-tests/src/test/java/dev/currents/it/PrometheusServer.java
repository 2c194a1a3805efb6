package dev.currents.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's, unpacked by the monitoring module's build) on a free loopback port, scraping the
 * given agents' {@code /metrics} every second as job {@code currents-agent} and evaluating the given rules every
 * second; its HTTP API for queries and alerts. Its external label {@code currents_agent_runbooks} is {@link
 * #RUNBOOKS}, as the monitoring README tells users to set it, so that the alerts' {@code runbook_url}s are absolute.
 */
final class PrometheusServer implements AutoCloseable {

  static final String JOB = "currents-agent";
  static final String RUNBOOKS = "https://git.example.com/org/currents-agent/blob/main/monitoring/README.md";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One alert of {@code /api/v1/alerts}. */
  record Alert(String name, String state, JsonNode labels, JsonNode annotations) {}

  private final Process process;
  private final Path directory;
  private final URI base;

  private PrometheusServer(Process process, Path directory, URI base) {
    this.process = process;
    this.directory = directory;
    this.base = base;
  }

  static PrometheusServer start(Path binary, String rules, List<Integer> metricsPorts) throws IOException, InterruptedException {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(binary + " is missing: the monitoring module's build unpacks Debian's prometheus"
          + " package there (monitoring/fetch-prometheus.sh); build it first, e.g. ./mvnw verify -pl integration-tests -am");
    }
    Path directory = Files.createTempDirectory("currents-prometheus");
    Files.writeString(directory.resolve("rules.yml"), rules);
    String targets = metricsPorts.stream().map(port -> "'127.0.0.1:" + port + "'").collect(Collectors.joining(", "));
    Files.writeString(directory.resolve("prometheus.yml"), String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "  external_labels:",
        "    currents_agent_runbooks: " + RUNBOOKS,
        "rule_files: [rules.yml]",
        "scrape_configs:",
        "  - job_name: " + JOB,
        "    static_configs:",
        "      - targets: [" + targets + "]",
        ""));
    int port = freePort();
    Process process = new ProcessBuilder(binary.toString(),
            "--config.file=" + directory.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("prometheus.log").toFile())
        .start();
    PrometheusServer server = new PrometheusServer(process, directory, URI.create("http://127.0.0.1:" + port));
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("Prometheus did not become ready; its log:\n" + log());
  }

  /** The result vector of an instant query; fails on a query Prometheus rejects. */
  JsonNode query(String expr) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus rejected " + expr + ": " + response.body());
    }
    return body.path("data").path("result");
  }

  /**
   * The series of a range query from {@code start} to {@code end}, each with its {@code values} ([time, "value"]
   * pairs), as Grafana asks for a panel's graph; fails on a query Prometheus rejects.
   */
  JsonNode queryRange(String expr, Instant start, Instant end, Duration step) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/query_range?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)
        + "&start=" + start.getEpochSecond() + "&end=" + end.getEpochSecond() + "&step=" + step.toSeconds());
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus rejected " + expr + ": " + response.body());
    }
    return body.path("data").path("result");
  }

  /**
   * {@code /api/v1/label/<label>/values} of the series that match {@code selector}: what Grafana asks Prometheus
   * for a {@code label_values(selector, label)} variable.
   */
  List<String> labelValues(String label, String selector) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/label/" + label + "/values?match%5B%5D="
        + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus rejected label " + label + " of " + selector + ": " + response.body());
    }
    List<String> values = new ArrayList<>();
    body.path("data").forEach(value -> values.add(value.asText()));
    return values;
  }

  /** The alerts Prometheus has now, pending and firing. */
  List<Alert> alerts() throws IOException, InterruptedException {
    JsonNode body = JSON.readTree(get("/api/v1/alerts").body());
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode alert : body.path("data").path("alerts")) {
      alerts.add(new Alert(alert.path("labels").path("alertname").asText(), alert.path("state").asText(), alert.path("labels"),
          alert.path("annotations")));
    }
    return alerts;
  }

  /** Every rule of every group, as {@code /api/v1/rules} reports it (health, last error). */
  List<JsonNode> rules() throws IOException, InterruptedException {
    JsonNode body = JSON.readTree(get("/api/v1/rules").body());
    List<JsonNode> rules = new ArrayList<>();
    body.path("data").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  String log() {
    try {
      return Files.readString(directory.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
