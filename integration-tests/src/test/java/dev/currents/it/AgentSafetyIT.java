package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent must never do to the application: record other hosts, install anything when disabled, stop
 * it over bad configuration, or keep it alive after its main thread ends.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.currents.it.Jdks#all")
class AgentSafetyIT {

  private static final List<String> CLIENTS = List.of("java-http-client", "java-http-client-async", "http-url-connection");
  private static TestApi api;

  @Parameter Jdks.Jdk jdk;

  @BeforeAll
  static void startApi() {
    api = TestApi.start();
  }

  @AfterAll
  static void stopApi() {
    api.api.close();
  }

  @Test
  void requestsToOtherHostsLeaveNoTrace() throws Exception {
    try (AppJvm app = api.app(jdk).property("currents.agent.hosts", "localhost:" + api.api.httpsPort()).start()) {
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects", bearer()));
      }
      assertEquals(List.of(), app.scrape().samples("currents_api_requests_seconds_count"));

      assertEquals("STATUS 200", app.call("java-http-client", "GET", api.api.httpsBaseUrl() + "/v1/projects", bearer()));
      PrometheusScrape scrape = app.scrape();
      assertEquals(1, scrape.requests("server_address", "localhost"));
      assertEquals(1, scrape.samples("currents_agent_errors_total").size(), "the agent's own fault counter is exported");
      assertEquals(0, scrape.sum("currents_agent_errors_total"));
    }
  }

  @Test
  void disabledInstallsNothing() throws Exception {
    int port = freePort();
    try (AppJvm app =
        api.app(jdk)
            .property("currents.agent.enabled", "false")
            .property("currents.agent.prometheus.port", Integer.toString(port))
            .property("currents.agent.log.level", "debug")
            .start()) {
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects", bearer()));
      }
      assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "no metrics endpoint");
      assertEquals(
          List.of("[currents-agent] disabled by currents.agent.enabled=false: nothing installed"), app.stderr());
    }
  }

  @Test
  void malformedConfigurationIsReportedOnceAndTheDefaultsApply() throws Exception {
    Path file = Files.createTempFile("currents-agent", ".properties");
    Files.writeString(file, "currents.agent.backoff.max-open-chains=lots\n");
    try (AppJvm app =
        api.app(jdk)
            .property("currents.agent.hosts", api.hosts() + ",bad host:99999")
            .property("currents.agent.backoff.window", "soon")
            .property("currents.agent.traces.propagate", "maybe")
            .property("currents.agent.config.file", file.toString())
            .environment("CURRENTS_AGENT_BACKOFF_MIN_DELAY", "fast")
            .start()) {
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpsBaseUrl() + "/v1/projects", bearer()));
      }
      assertEquals(CLIENTS.size(), app.scrape().requests("endpoint", "/v1/projects", "error_category", "ok"));
      List<String> stderr = app.stderr();
      for (String key :
          List.of(
              "currents.agent.backoff.window",
              "currents.agent.traces.propagate",
              "currents.agent.backoff.max-open-chains",
              "currents.agent.backoff.min-delay",
              "bad host:99999")) {
        assertEquals(1, stderr.stream().filter(line -> line.contains(key)).count(), () -> key + " once in:\n" + stderr);
      }
      assertTrue(stderr.stream().allMatch(line -> line.startsWith("[currents-agent] ")), stderr::toString);
    }
  }

  @Test
  void oneStartUpLineSaysWhatTheAgentDoes() throws Exception {
    try (AppJvm app = api.app(jdk).start()) {
      List<String> stderr = app.stderr();
      assertEquals(1, stderr.size(), stderr::toString);
      String line = stderr.get(0);
      assertTrue(line.startsWith("[currents-agent] currents-agent 0."), line);
      assertTrue(line.contains("hosts " + api.hosts().replace(",", ", ")), line);
      // The README's start-up line, which ReadmeTablesTest holds to the instrumentations the agent has.
      Matcher documented = Pattern.compile("; clients ([a-z0-9, -]+);").matcher(Files.readString(Paths.get("../README.md")));
      assertTrue(documented.find(), "the README shows the start-up line");
      assertTrue(line.contains("; clients " + documented.group(1) + ";"), line);
      assertTrue(line.contains("metrics prometheus http://0.0.0.0:" + app.metricsPort() + "/metrics"), line);
      assertTrue(line.endsWith("traces none"), line);
    }
  }

  @Test
  void oneInstrumentationSwitchedOffRecordsNothingAndTheOthersGoOn() throws Exception {
    try (AppJvm app =
        api.app(jdk).property("currents.agent.instrumentation.java-http-client.enabled", "false").start()) {
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects", bearer()));
      }
      PrometheusScrape scrape = app.scrape();
      assertEquals(0, scrape.requests("client", "java-http-client"));
      assertEquals(1, scrape.requests("client", "http-url-connection"));
      List<String> stderr = app.stderr();
      assertEquals(1, stderr.size(), stderr::toString);
      assertTrue(stderr.get(0).contains("clients http-url-connection, okhttp, ") , stderr.get(0));
      assertTrue(stderr.get(0).contains(" (switched off: java-http-client);"), stderr.get(0));
    }
  }

  @Test
  void theApplicationEndsWhenItsMainThreadDoes() throws Exception {
    AppJvm app = api.app(jdk).start();
    assertEquals("STATUS 200", app.call("java-http-client", "GET", api.api.httpBaseUrl() + "/v1/projects", bearer()));
    assertEquals(0, app.awaitExit());
  }

  private static String bearer() {
    return "header=Authorization:Bearer%20" + TestApi.RW_KEY;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
