package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.currents.demo.DemoWorkloadJvm;
import dev.currents.simapi.RateLimit;
import dev.currents.simapi.Throttle;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules and the dashboard of {@code monitoring/} on a real Prometheus (Debian's), scraping real application
 * JVMs with the agent attached that call the simulated Currents API. The rules file is loaded as users load it,
 * but for its {@code for:} durations, shortened to {@value #SHORT_FOR} (see {@link MonitoringFiles#rulesWithFor}).
 */
class MonitoringLiveIT {

  private static final String SHORT_FOR = "5s";
  private static final String PROJECTS = "/v1/projects";
  /** The alerts a client that retries 429s at once, with and without Retry-After, must raise. */
  private static final Set<String> STORM_ALERTS =
      Set.of("CurrentsApiRateLimited", "CurrentsRetryAfterIgnored", "CurrentsRetryWithoutBackoff");
  /** Those of them on the backoff meters, which are per service and client. */
  private static final Set<String> BACKOFF_ALERTS = Set.of("CurrentsRetryAfterIgnored", "CurrentsRetryWithoutBackoff");
  /**
   * Alerts the storm must not raise: the demo workload makes a few 401s, 403s and 402s among the storm's many
   * requests, as a service would now and then, and every agent is scraped.
   */
  private static final Set<String> NOT_IN_THE_STORM = Set.of("CurrentsApiKeyRejected", "CurrentsApiKeyForbidden",
      "CurrentsApiRequestsFailing", "CurrentsAgentTargetDown", "CurrentsAgentMetricsMissing",
      "CurrentsAgentTargetsAbsent", "CurrentsAgentServiceAbsent", "CurrentsAgentInternalErrors");
  /**
   * Panel queries that may rightly be zero all through the storm, which the test does not require above zero:
   * the burn rate, because the demo's 5xx and timeouts come once per route and the SLO's rules take rate() (a
   * series' first sample is no increase; the alerts are on sustained shares); the agent's own faults, because
   * there are none. Every other query must show a value above zero at some moment of the storm.
   */
  private static final Set<String> ZERO_IN_THE_STORM = Set.of("Error budget burn rate by service (1h) [A]",
      "Error budget burn rate by service (1h) [B]", "Instances reporting, and agent faults [B]");

  @TempDir Path temp;

  /**
   * Two instances of one service: the demo workload (every error category, once or a few times) and a client
   * that retries each throttled call five times at once, on a key whose 429s say Retry-After and on one whose
   * 429s do not, against a bucket of one request refilled twice a second.
   */
  @Test
  void aThrottlingStormFiresTheRateLimitAndBackoffAlertsOncePerServiceAndEveryPanelHasData() throws Exception {
    TestApi api = TestApi.start();
    String withRetryAfter = TestApi.MORE_RW_KEYS[0];
    String bare = TestApi.MORE_RW_KEYS[1];
    api.api.rateLimit(withRetryAfter, RateLimit.tokenBucket(1, 2.0).throttle(Throttle.RETRY_AFTER_SECONDS, 2));
    api.api.rateLimit(bare, RateLimit.tokenBucket(1, 2.0).throttle(Throttle.NO_RETRY_AFTER));
    try (DemoWorkloadJvm demo = DemoWorkloadJvm.start(AppJvm.AGENT_JAR, applicationClassPath(), "storm", temp);
        AppJvm hammer = api.app(Jdks.all().get(0)).property("currents.agent.service.name", "storm").start();
        PrometheusServer prometheus = PrometheusServer.start(MonitoringFiles.PROMETHEUS,
            MonitoringFiles.rulesWithFor(SHORT_FOR), List.of(demo.metricsPort(), hammer.metricsPort()))) {
      Instant start = Instant.now();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      List<PrometheusServer.Alert> alerts = prometheus.alerts();
      while (!firing(alerts).containsAll(STORM_ALERTS) && System.nanoTime() < deadline) {
        for (int i = 0; i < 10; i++) {
          hammer.call("retry-immediate", "GET", api.api.httpBaseUrl() + PROJECTS, bearer(withRetryAfter));
          hammer.call("retry-immediate", "GET", api.api.httpBaseUrl() + PROJECTS, bearer(bare));
          Thread.sleep(100);
        }
        alerts = prometheus.alerts();
      }
      demo.awaitDone(Duration.ofSeconds(60));
      System.out.println("MonitoringLiveIT: alerts in the storm: " + alerts);

      assertTrue(firing(alerts).containsAll(STORM_ALERTS),
          "firing: " + firing(alerts) + ", all: " + alerts + "\n" + prometheus.log());
      for (String name : STORM_ALERTS) {
        List<PrometheusServer.Alert> raised = alerts.stream().filter(alert -> alert.name().equals(name)).toList();
        if (!BACKOFF_ALERTS.contains(name)) {
          assertEquals(1, raised.size(), name + " once for the service, not per instance: " + raised);
          assertEquals("storm", raised.get(0).labels().path("service_name").asText(), name);
          continue;
        }
        // Issue #17: a backoff alert is per service and client, once whatever the instances, and names the client.
        Set<String> clients = new TreeSet<>();
        for (PrometheusServer.Alert alert : raised) {
          assertEquals("storm", alert.labels().path("service_name").asText(), name);
          String client = alert.labels().path("client").asText();
          assertTrue(clients.add(client), name + " once per client, not per instance: " + raised);
          assertTrue(alert.annotations().path("summary").asText().contains(" through " + client + " "),
              name + " names the client: " + alert.annotations());
          assertTrue(alert.annotations().path("description").asText().contains(" through " + client + " "),
              name + " names the client: " + alert.annotations());
        }
        assertTrue(clients.contains("java-http-client"), name + " for the hammer's client: " + raised);
      }
      Set<String> raised = alerts.stream().map(PrometheusServer.Alert::name).collect(Collectors.toCollection(TreeSet::new));
      raised.retainAll(NOT_IN_THE_STORM);
      assertTrue(raised.isEmpty(), "raised in the storm though unrelated: " + raised + " of " + alerts);

      assertRunbookUrlsAreAbsolute(alerts);
      assertEveryPanelShowsTheStorm(prometheus, start);
      assertVariablesList(prometheus, "storm", "127.0.0.1:" + demo.metricsPort(), "127.0.0.1:" + hammer.metricsPort());
      assertPanelShows(prometheus, "Backoff violations by reason [A]", "reason", "retry_after_ignored", "no_backoff");
      assertPanelShows(prometheus, "Backoff violations by client and reason [A]", "client", "java-http-client");
      assertPanelShows(prometheus, "429s by endpoint [A]", "endpoint", PROJECTS);
      assertPanelShows(prometheus, "Rate limited (429) share by service [A]", "service_name", "storm");
      // The demo's few 401s, 403s, its one 402 and its retry chains, each a series' first sample or two.
      assertPanelShowed(prometheus, start, "Auth failures: 401 and 403 by endpoint (per interval) [A]",
          "error_category", "unauthorized", "forbidden");
      assertPanelShowed(prometheus, start, "402 Request Failed by endpoint (per interval) [A]",
          "endpoint", "/v1/runs/{runId}/cancel");
      assertPanelShowed(prometheus, start, "Retry chains by result and policy (per interval) [A]", "result", "recovered");
      assertPanelShowed(prometheus, start, "Retry chains by client and policy (per interval) [A]",
          "client", "java-http-client");
    } finally {
      api.api.close();
    }
  }

  /**
   * Successful calls and a careful client that meets a 429 now and then and waits the Retry-After: nothing
   * pending, nothing firing, while the rules demonstrably see the traffic.
   */
  @Test
  void healthyTrafficWithACarefulClientRaisesNoAlert() throws Exception {
    TestApi api = TestApi.start();
    try (AppJvm app = api.app(Jdks.all().get(0)).property("currents.agent.service.name", "healthy").start();
        PrometheusServer prometheus = PrometheusServer.start(MonitoringFiles.PROMETHEUS,
            MonitoringFiles.rulesWithFor(SHORT_FOR), List.of(app.metricsPort()))) {
      awaitData(prometheus, "up{job=\"currents-agent\"} == 1");
      // Before the first scrape absent(up) is true for an evaluation or two; wait until they are behind us.
      Thread.sleep(2_000);
      List<PrometheusServer.Alert> seen = new ArrayList<>(prometheus.alerts());
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      // Two careful chains, far apart: the agent creates a counter at its first increment, which rate() cannot
      // see; the second chain is the one the rules count.
      carefulChain(api, app);
      for (int round = 0; System.nanoTime() < end; round++) {
        if (round == 20) {
          carefulChain(api, app);
        }
        for (String answer : app.calls(5, "java-http-client", "GET", api.api.httpBaseUrl() + PROJECTS, bearer(TestApi.RW_KEY))) {
          assertEquals("STATUS 200", answer);
        }
        seen.addAll(prometheus.alerts());
        Thread.sleep(200);
      }
      seen.addAll(prometheus.alerts());
      assertTrue(seen.isEmpty(), "alerts on a healthy workload: " + seen);

      // Silence must come from healthy numbers, not from rules that see nothing.
      awaitData(prometheus, "service_name_error_category:currents_api_requests:ratio_rate5m{service_name=\"healthy\", error_category=\"ok\"} > 0.9");
      awaitData(prometheus, "service_name_client_result:currents_api_retry_chains:ratio_rate15m{service_name=\"healthy\", client=\"java-http-client\", result=\"recovered\"} == 1");
      awaitData(prometheus, "service_name_client:currents_api_backoff_retries:rate10m{service_name=\"healthy\", client=\"java-http-client\"} > 0");
      for (JsonNode rule : prometheus.rules()) {
        assertEquals("ok", rule.path("health").asText(), rule.path("name").asText() + ": " + rule.path("lastError").asText());
      }
    } finally {
      api.api.close();
    }
  }

  /** One 429 with Retry-After: 1, which Failsafe waits out before its retry succeeds. */
  private static void carefulChain(TestApi api, AppJvm app) throws InterruptedException {
    api.api.rateLimit(TestApi.RW_KEY, RateLimit.pattern(0, 1).throttle(Throttle.RETRY_AFTER_SECONDS, 1));
    assertEquals("STATUS 200 ATTEMPTS 2",
        app.call("retry-failsafe", "GET", api.api.httpBaseUrl() + PROJECTS, bearer(TestApi.RW_KEY)));
  }

  /**
   * Every query of every panel, over the storm as Grafana draws it (a range query from Prometheus' start to now),
   * returns data, and a value above zero at some moment but for {@link #ZERO_IN_THE_STORM}: a panel flat at zero
   * would show nothing of what happened. The demo's single 402, its two 401s and 403s and its retry chains each
   * make a series' first sample only; the panels on them must count it.
   */
  private static void assertEveryPanelShowsTheStorm(PrometheusServer prometheus, Instant start)
      throws IOException, InterruptedException {
    List<String> empty = new ArrayList<>();
    List<String> zero = new ArrayList<>();
    List<MonitoringFiles.PanelQuery> queries = MonitoringFiles.dashboardQueries();
    assertFalse(queries.isEmpty());
    for (MonitoringFiles.PanelQuery query : queries) {
      JsonNode result = prometheus.queryRange(query.expr(), start, Instant.now(), Duration.ofSeconds(1));
      double max = Double.NEGATIVE_INFINITY;
      for (JsonNode series : result) {
        for (JsonNode point : series.path("values")) {
          double value = Double.parseDouble(point.path(1).asText());
          max = Double.isNaN(value) ? max : Math.max(max, value);
        }
      }
      if (result.isEmpty()) {
        empty.add(query.panel() + ": " + query.expr());
      } else if (!(max > 0) && !ZERO_IN_THE_STORM.contains(query.panel())) {
        zero.add(query.panel() + " (max " + max + "): " + query.expr());
      }
      System.out.println("MonitoringLiveIT: " + query.panel() + ": " + result.size() + " series, max " + max);
    }
    assertTrue(empty.isEmpty(), "panel queries without data in the storm:\n" + String.join("\n", empty));
    assertTrue(zero.isEmpty(), "panel queries never above zero in the storm:\n" + String.join("\n", zero));
    for (String panel : ZERO_IN_THE_STORM) {
      assertTrue(queries.stream().anyMatch(query -> query.panel().equals(panel)), "no panel query " + panel);
    }
  }

  /**
   * The dashboard's variables, as Grafana asks Prometheus for them ({@code /api/v1/label/<label>/values} with
   * the variable's selector as {@code match[]}): the service, and with it chosen, its instances.
   */
  private static void assertVariablesList(PrometheusServer prometheus, String service, String... instances)
      throws IOException, InterruptedException {
    MonitoringFiles.LabelValuesQuery services = MonitoringFiles.variableQuery("service", service);
    assertEquals("service_name", services.label());
    List<String> listed = prometheus.labelValues(services.label(), services.selector());
    assertTrue(listed.contains(service), "variable service: " + listed + " for " + services);
    MonitoringFiles.LabelValuesQuery ofService = MonitoringFiles.variableQuery("instance", service);
    assertEquals("instance", ofService.label());
    List<String> listedInstances = prometheus.labelValues(ofService.label(), ofService.selector());
    assertEquals(new TreeSet<>(List.of(instances)), new TreeSet<>(listedInstances), "variable instance for " + ofService);
    MonitoringFiles.LabelValuesQuery ofNone = MonitoringFiles.variableQuery("instance", "no-such-service");
    assertEquals(List.of(), prometheus.labelValues(ofNone.label(), ofNone.selector()), "instances of another service");
    // The clients of the chosen service (on all its instances): the JDK's two, which the hammer and the demo use.
    MonitoringFiles.LabelValuesQuery clients = MonitoringFiles.variableQuery("client", service);
    assertEquals("client", clients.label());
    List<String> listedClients = prometheus.labelValues(clients.label(), clients.selector());
    assertTrue(listedClients.contains("java-http-client"), "variable client: " + listedClients + " for " + clients);
    assertTrue(Set.of("java-http-client", "http-url-connection").containsAll(listedClients),
        "variable client: " + listedClients + " for " + clients);
    MonitoringFiles.LabelValuesQuery clientsOfNone = MonitoringFiles.variableQuery("client", "no-such-service");
    assertEquals(List.of(), prometheus.labelValues(clientsOfNone.label(), clientsOfNone.selector()),
        "clients of another service");
  }

  /** Prometheus renders every alert's runbook_url, with the external label the README names, as an absolute URL. */
  private static void assertRunbookUrlsAreAbsolute(List<PrometheusServer.Alert> alerts) {
    assertFalse(alerts.isEmpty());
    for (PrometheusServer.Alert alert : alerts) {
      String url = alert.annotations().path("runbook_url").asText();
      assertEquals(PrometheusServer.RUNBOOKS + "#" + alert.name().toLowerCase(Locale.ROOT), url, alert.name());
      URI uri = URI.create(url);
      assertTrue(uri.isAbsolute() && uri.getHost() != null, alert.name() + ": " + url);
    }
  }

  /** The panel's query has a series above zero for each of the label's {@code values}: the storm is on it. */
  private static void assertPanelShows(PrometheusServer prometheus, String panel, String label, String... values)
      throws IOException, InterruptedException {
    MonitoringFiles.PanelQuery query = MonitoringFiles.dashboardQueries().stream()
        .filter(candidate -> candidate.panel().equals(panel)).findFirst()
        .orElseThrow(() -> new AssertionError("no panel query " + panel));
    JsonNode result = prometheus.query(query.expr());
    for (String value : values) {
      boolean shown = false;
      for (JsonNode series : result) {
        shown |= series.path("metric").path(label).asText().equals(value) && series.path("value").path(1).asDouble() > 0;
      }
      assertTrue(shown, panel + " shows no " + label + "=" + value + ": " + result);
    }
  }

  /**
   * As {@link #assertPanelShows}, at some moment of the storm, as its graph over the storm shows: the panel's
   * range query from Prometheus' start has a point above zero for each of the label's {@code values}.
   */
  private static void assertPanelShowed(PrometheusServer prometheus, Instant start, String panel, String label,
      String... values) throws IOException, InterruptedException {
    MonitoringFiles.PanelQuery query = MonitoringFiles.dashboardQueries().stream()
        .filter(candidate -> candidate.panel().equals(panel)).findFirst()
        .orElseThrow(() -> new AssertionError("no panel query " + panel));
    JsonNode result = prometheus.queryRange(query.expr(), start, Instant.now(), Duration.ofSeconds(1));
    for (String value : values) {
      boolean shown = false;
      for (JsonNode series : result) {
        if (series.path("metric").path(label).asText().equals(value)) {
          for (JsonNode point : series.path("values")) {
            shown |= Double.parseDouble(point.path(1).asText()) > 0;
          }
        }
      }
      assertTrue(shown, panel + " never showed " + label + "=" + value + ": " + result);
    }
  }

  private static void awaitData(PrometheusServer prometheus, String expr) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (prometheus.query(expr).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no data for " + expr + "\n" + prometheus.log());
      }
      Thread.sleep(250);
    }
  }

  private static Set<String> firing(List<PrometheusServer.Alert> alerts) {
    return alerts.stream().filter(alert -> alert.state().equals("firing")).map(PrometheusServer.Alert::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String bearer(String key) {
    return "header=Authorization:Bearer%20" + key;
  }

  /** This module's classes and runtime dependencies: the demo workload's class path. */
  private static String applicationClassPath() throws IOException {
    return System.getProperty("it.app.classes", "target/classes") + File.pathSeparator
        + Files.readString(Paths.get(System.getProperty("it.app.classpath.file", "target/app-classpath.txt"))).trim();
  }
}
