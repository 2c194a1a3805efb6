package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server the contract runs against answers as scripted, and the refused port refuses. */
class TestServerTest {

  private final TestServer server = TestServer.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anUnscriptedPathIsAnswered200() throws Exception {
    HttpResponse<String> response = get(server.uri("/v1/anything"), Duration.ofSeconds(5));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Retry-After").isEmpty());
  }

  @Test
  void aScriptedPathGetsItsStatusAndRetryAfterAsWritten() throws Exception {
    server.answer("/v1/limited", Answer.status(429).retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    HttpResponse<String> response = get(server.uri("/v1/limited"), Duration.ofSeconds(5));
    assertEquals(429, response.statusCode());
    assertEquals("Wed, 21 Oct 2015 07:28:00 GMT", response.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void aDelayedAnswerComesAfterTheClientGaveUp() {
    server.answer("/v1/slow", Answer.status(200).after(Duration.ofSeconds(2)));
    assertThrows(HttpTimeoutException.class, () -> get(server.uri("/v1/slow"), Duration.ofMillis(200)));
  }

  @Test
  void whatArrivedIsKept() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(server.uriAsLocalhost("/v1/runs?x=1"))
            .header("x-currents-key", "k")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    http.send(post, HttpResponse.BodyHandlers.ofString());
    ReceivedRequest received = server.received().get(0);
    assertEquals("POST", received.method());
    assertEquals("/v1/runs?x=1", received.uri().toString());
    assertEquals("k", received.header("X-Currents-Key"));
    assertNull(received.header("Authorization"));
    assertEquals("{}", received.body());
  }

  @Test
  void theRefusedPortRefuses() throws IOException {
    try (RefusedPort refused = RefusedPort.open()) {
      URI uri = URI.create("http://127.0.0.1:" + refused.port() + "/");
      assertThrows(ConnectException.class, () -> get(uri, Duration.ofSeconds(5)));
    }
  }

  private HttpResponse<String> get(URI uri, Duration timeout) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }
}
