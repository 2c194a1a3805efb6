package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.it.OtlpReceiver.ReceivedSpan;
import dev.currents.simapi.ReceivedRequest;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application runs with the OpenTelemetry javaagent and this agent side by side, in either order on the
 * command line, both exporting to one collector: one trace holds the application's span, the javaagent's HTTP
 * client spans and this agent's spans; the javaagent's telemetry and what the server receives are what they would
 * be with the javaagent alone.
 */
class OpenTelemetryJavaagentIT {

  private static final Path JAVAAGENT =
      Paths.get(System.getProperty("it.opentelemetry.javaagent", "target/opentelemetry-javaagent.jar"));
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String AGENT_SCOPE = "dev.currents.agent";
  private static final List<String> JDK_CLIENTS = List.of("java-http-client", "java-http-client-async", "http-url-connection");
  /** Libraries both agents instrument, each on threads of its own for its async calls. */
  private static final List<String> LIBRARY_CLIENTS =
      List.of("okhttp", "okhttp-async", "jetty-httpclient-async", "apache5-async", "reactor-netty-async",
          "async-http-client-async");
  private static final List<String> CLIENTS =
      java.util.stream.Stream.concat(JDK_CLIENTS.stream(), LIBRARY_CLIENTS.stream()).toList();

  @ParameterizedTest(name = "javaagent first: {0}")
  @ValueSource(booleans = {true, false})
  void oneTraceHoldsTheApplicationsSpanTheJavaagentsSpansAndTheAgentsSpans(boolean javaagentFirst) throws Exception {
    TestApi api = TestApi.start();
    try (OtlpReceiver collector = OtlpReceiver.answering()) {
      AppJvm app =
          TracedApp.of(api.app(Jdks.current()), "global")
              .classPath(Subjects.OKHTTP.version("5.5.1").classPath())
              .classPath(Subjects.JETTY.version("12.1.14").classPath())
              .classPath(Subjects.APACHE5.version("5.6.4").classPath())
              .classPath(Subjects.REACTOR_NETTY.version("1.3.8").classPath())
              .classPath(Subjects.ASYNC_HTTP_CLIENT.version("3.0.14").classPath())
              .javaagent(JAVAAGENT, javaagentFirst)
              // The javaagent's standard settings; this agent's defaults follow them.
              .environment("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint())
              .environment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
              .environment("OTEL_SERVICE_NAME", "checkout-service")
              .environment("OTEL_METRICS_EXPORTER", "none")
              .environment("OTEL_LOGS_EXPORTER", "none")
              .environment("OTEL_BSP_SCHEDULE_DELAY", "100")
              .property("currents.agent.traces.propagate", "true")
              .start();
      String[] checkout = TracedApp.applicationSpan(app);
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", url(api, client), "header=Authorization:Bearer%20" + TestApi.RW_KEY));
      }
      PrometheusScrape scrape = app.scrape();
      assertEquals(CLIENTS.size(), scrape.requests("endpoint", "/v1/projects", "error_category", "ok"), scrape::text);
      assertEquals(0, scrape.sum("currents_agent_errors_total"), () -> "the agent's faults: " + app.stderr());
      app.close(); // ends the application's span; both agents flush

      ReceivedSpan application = collector.awaitSpans(1, span -> span.name().equals("checkout"), WAIT).get(0);
      assertEquals(checkout[1], application.spanId());
      for (String client : CLIENTS) {
        String url = url(api, client);
        ReceivedSpan javaagents =
            collector.awaitSpans(1, span -> !span.scope().equals(AGENT_SCOPE) && url.equals(span.attribute("url.full")), WAIT).get(0);
        ReceivedSpan agents =
            collector.awaitSpans(1, span -> span.scope().equals(AGENT_SCOPE) && url.equals(span.attribute("url.full")), WAIT).get(0);
        assertEquals(checkout[0], javaagents.traceId(), client);
        assertEquals(checkout[0], agents.traceId(), client);
        assertEquals(checkout[1], javaagents.parentSpanId(), client);
        if (JDK_CLIENTS.contains(client)) {
          assertEquals(childOfTheJavaagentsSpan(client, javaagentFirst) ? javaagents.spanId() : checkout[1],
              agents.parentSpanId(), client + ": " + agents.span());
        } else {
          // Where the library's attempt starts on its own thread, the application's span kept for it.
          assertTrue(List.of(javaagents.spanId(), checkout[1]).contains(agents.parentSpanId()),
              client + ": " + agents.span());
        }
        assertEquals("checkout-service", agents.resource().get("service.name"));

        ReceivedRequest request = api.api.received().stream()
            .filter(received -> url.endsWith(received.path() + "?" + received.query())).findFirst().orElseThrow();
        assertEquals(List.of(javaagents.traceparent()), request.headers().get("traceparent"),
            "one traceparent, the javaagent's, as without this agent");
      }
      assertTrue(
          collector.spans().stream().noneMatch(span -> String.valueOf(span.attribute("url.full")).contains(collector.endpoint())),
          () -> "neither agent traces this agent's exports: " + collector.spans());
    } finally {
      api.api.close();
    }
  }

  /**
   * The javaagent instruments the JDK HttpClient's public {@code send} and {@code sendAsync}, this agent a method
   * they call: its span is always inside the javaagent's. Both instrument the same methods of HttpURLConnection,
   * and the agent listed last on the command line runs outermost there.
   */
  private static boolean childOfTheJavaagentsSpan(String client, boolean javaagentFirst) {
    return client.startsWith("java-http-client") || !javaagentFirst;
  }

  private static String url(TestApi api, String client) {
    return api.api.httpBaseUrl() + "/v1/projects?client=" + client;
  }
}
