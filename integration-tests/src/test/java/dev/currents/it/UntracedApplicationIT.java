package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.currents.it.OtlpReceiver.ReceivedSpan;
import dev.currents.simapi.ReceivedRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An application without OpenTelemetry of its own, with the agent's traces on and {@code
 * currents.agent.traces.propagate} left at its default: each attempt's span starts a trace of its own, and no
 * request reaches the API altered, whichever client sent it (each client injects {@code traceparent} its own way
 * when propagation is on).
 */
class UntracedApplicationIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final List<String> CLIENTS =
      List.of(
          "java-http-client",
          "java-http-client-async",
          "http-url-connection",
          "okhttp",
          "okhttp-async",
          "jetty-httpclient",
          "jetty-httpclient-async",
          "apache4",
          "apache5",
          "apache5-async",
          "reactor-netty",
          "reactor-netty-async");

  @Test
  void eachSpanStartsATraceOfItsOwnAndNoRequestCarriesATraceparent() throws Exception {
    TestApi api = TestApi.start();
    try (OtlpReceiver collector = OtlpReceiver.answering()) {
      AppJvm app =
          api.app(Jdks.current())
              .classPath(Subjects.OKHTTP.version("5.5.1").classPath())
              .classPath(Subjects.JETTY.version("12.1.14").classPath())
              .classPath(Subjects.APACHE4.version("4.5.14").classPath())
              .classPath(Subjects.APACHE5.version("5.6.4").classPath())
              .classPath(Subjects.REACTOR_NETTY.version("1.3.8").classPath())
              .property("currents.agent.otlp.endpoint", collector.endpoint())
              .property("currents.agent.traces.exporter", "otlp")
              .start();
      for (String client : CLIENTS) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects?untraced=" + client,
            "header=Authorization:Bearer%20" + TestApi.RW_KEY), client);
      }

      Set<String> traces = new HashSet<>();
      for (String client : CLIENTS) {
        String pathAndQuery = "/v1/projects?untraced=" + client;
        List<ReceivedSpan> spans = collector.awaitSpans(1, span -> pathAndQuery.equals(span.pathAndQuery()), WAIT);
        assertEquals(1, spans.size(), spans::toString);
        assertEquals("", spans.get(0).parentSpanId(), () -> "a root span: " + spans.get(0));
        traces.add(spans.get(0).traceId());

        ReceivedRequest request = api.api.received().stream()
            .filter(received -> pathAndQuery.equals(received.path() + "?" + received.query()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no request " + pathAndQuery));
        assertFalse(request.headers().containsKey("traceparent"), () -> client + " sent " + request.headers());
      }
      assertEquals(CLIENTS.size(), traces.size(), () -> "a trace per call: " + traces);
      app.close();
    } finally {
      api.api.close();
    }
  }
}
