package dev.currents.agent.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpEndpointTest {

  @Test
  void theSignalsPathIsAppendedToTheBaseUrl() {
    assertEquals("http://localhost:4318/v1/traces", OtlpEndpoint.of(URI.create("http://localhost:4318"), "traces").url());
    assertEquals("https://otel.example.com/otlp/v1/metrics",
        OtlpEndpoint.of(URI.create("https://otel.example.com/otlp/"), "metrics").url());
  }

  @Test
  void userInfoLeavesTheUrlAndBecomesBasicCredentials() {
    OtlpEndpoint endpoint = OtlpEndpoint.of(URI.create("https://me:p%40ss@otel.example.com:4318"), "traces");
    assertEquals("https://otel.example.com:4318/v1/traces", endpoint.url());
    assertEquals("https://otel.example.com:4318/v1/traces", endpoint.toString());
    String basic = Base64.getEncoder().encodeToString("me:p@ss".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("Authorization", "Basic " + basic), endpoint.headers());
  }
}
