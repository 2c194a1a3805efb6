package dev.currents.agent.instrumentation.javahttpclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copy of an immutable request that carries {@code traceparent} is the request in every other respect. */
class JavaHttpRequestHeadersTest {

  private final JavaHttpRequestHeaders headers = new JavaHttpRequestHeaders();

  @Test
  void theCopyKeepsEverythingAndAddsTheHeader() {
    HttpRequest original =
        HttpRequest.newBuilder(URI.create("https://api.currents.dev/v1/runs/r1/cancel"))
            .PUT(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Authorization", "Bearer k")
            .header("X-Many", "one")
            .header("X-Many", "two")
            .timeout(Duration.ofSeconds(7))
            .version(HttpClient.Version.HTTP_1_1)
            .expectContinue(true)
            .build();
    HttpRequest copy = headers.with(original, "traceparent", "00-a-b-01");

    assertEquals(original.uri(), copy.uri());
    assertEquals("PUT", copy.method());
    assertEquals(original.bodyPublisher(), copy.bodyPublisher());
    assertEquals(original.timeout(), copy.timeout());
    assertEquals(original.version(), copy.version());
    assertTrue(copy.expectContinue());
    assertEquals(List.of("one", "two"), copy.headers().allValues("X-Many"));
    assertEquals(List.of("Bearer k"), copy.headers().allValues("Authorization"));
    assertEquals(List.of("00-a-b-01"), copy.headers().allValues("traceparent"));
    assertEquals("00-a-b-01", headers.first(copy, "traceparent"));
    assertNull(headers.first(original, "traceparent"));
  }

  @Test
  void getAndDeleteStayWithoutABody() {
    for (HttpRequest original :
        List.of(
            HttpRequest.newBuilder(URI.create("https://api.currents.dev/v1/projects")).GET().build(),
            HttpRequest.newBuilder(URI.create("https://api.currents.dev/v1/runs/r1")).DELETE().build())) {
      HttpRequest copy = headers.with(original, "traceparent", "00-a-b-01");
      assertEquals(original.method(), copy.method());
      assertEquals(original.bodyPublisher().isPresent(), copy.bodyPublisher().isPresent());
      assertEquals(Map.of("traceparent", List.of("00-a-b-01")), copy.headers().map());
    }
  }
}
