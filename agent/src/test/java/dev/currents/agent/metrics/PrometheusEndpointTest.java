package dev.currents.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient client = HttpClient.newHttpClient();
  private PrometheusEndpoint endpoint;

  @BeforeEach
  void start() throws Exception {
    registry.counter("currents.test").increment();
    endpoint = PrometheusEndpoint.start(registry, "127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  @Test
  void servesThePrometheusTextFormat() throws Exception {
    HttpResponse<String> response = get("*/*");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertTrue(response.body().contains("currents_test_total 1.0"), response.body());
  }

  @Test
  void servesOpenMetricsToAScraperThatAsksForIt() throws Exception {
    HttpResponse<String> response = get("application/openmetrics-text; version=1.0.0,text/plain;q=0.5");
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/openmetrics-text"));
    assertTrue(response.body().endsWith("# EOF\n"), response.body());
  }

  @Test
  void refusesOtherMethods() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    assertEquals(405, client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void itsThreadsDoNotKeepTheApplicationAlive() {
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().startsWith("HTTP-Dispatcher") || thread.getName().startsWith("currents-agent"))
            .allMatch(Thread::isDaemon));
  }

  private HttpResponse<String> get(String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
            .header("Accept", accept)
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
