package dev.currents.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.common.ErrorCategory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every client instrumentation must record, run against a real client woven in the test's JVM ({@link
 * WeavingHarness}) and a local server ({@link TestServer}). A module extends it with an adapter that sends a request
 * through its library ({@link #client()}) and the {@code client} tag the agent records for it. The cross-JVM suite
 * (integration-tests) stays the proof that the agent jar does the same in a real application.
 *
 * <p>The server is {@code 127.0.0.1}, the only Currents host here; {@code localhost} is another host that leads to
 * the same server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClientContract {

  /** Attempts that a client ends on a thread of its own are awaited this long at most. */
  private static final Duration ENDS_WITHIN = Duration.ofSeconds(5);

  private final String expectedClient;
  private TestServer server;
  private ContractClient client;
  private RecordingRecorder recorder;

  /** @param expectedClient the {@code client} tag the agent records for this library's requests */
  protected ClientContract(String expectedClient) {
    this.expectedClient = expectedClient;
  }

  /** The library under test, ready to send; made once per test class, after weaving. */
  protected abstract ContractClient client() throws Exception;

  @BeforeAll
  void weaveAndStartServer() throws Exception {
    WeavingHarness.weave();
    server = TestServer.start();
    client = client();
  }

  @AfterAll
  void stopServer() throws Exception {
    client.close();
    server.close();
  }

  @BeforeEach
  void record() {
    recorder = RecordingRecorder.installFor("127.0.0.1");
  }

  @AfterEach
  void stopRecording() {
    RecordingRecorder.uninstall();
    assertEquals(List.of(), WeavingHarness.errors(), "errors while weaving");
  }

  /** The server the contract's requests go to, for a module's own tests. */
  protected final TestServer server() {
    return server;
  }

  /** The recorder installed for the running test, for a module's own tests. */
  protected final RecordingRecorder recorder() {
    return recorder;
  }

  @Test
  void aGetIsOneAttemptWithItsClientMethodPathQueryAndStatus() throws Exception {
    assertEquals(200, client.send(get(server.uri("/v1/runs/contract-get?limit=5&page=2"))));

    RecordedEnd end = onlyEnd();
    Attempt attempt = end.attempt();
    assertEquals(expectedClient, attempt.client());
    assertEquals("GET", attempt.method());
    assertEquals("http", attempt.scheme());
    assertEquals("127.0.0.1", attempt.host());
    assertEquals(server.port(), attempt.effectivePort());
    assertEquals("/v1/runs/contract-get", attempt.path());
    assertEquals("limit=5&page=2", attempt.query());
    assertEquals(200, end.status());
    assertNull(end.failure());
    assertEquals(List.of(attempt), recorder.started(), "started once, the attempt that ended");
    assertEquals(1, recorder.awaitEnded(2, Duration.ofMillis(200)).size(), "ended once");
  }

  @Test
  void aPostIsOneAttemptWithItsMethodAndStatus() throws Exception {
    server.answer("/v1/runs/contract-post", Answer.status(201));
    ContractRequest post =
        new ContractRequest(
            "POST",
            server.uri("/v1/runs/contract-post"),
            Map.of(),
            "{\"groupId\":\"contract\"}",
            ContractRequest.DEFAULT_READ_TIMEOUT);

    assertEquals(201, client.send(post));

    RecordedEnd end = onlyEnd();
    assertEquals("POST", end.attempt().method());
    assertEquals("/v1/runs/contract-post", end.attempt().path());
    assertNull(end.attempt().query());
    assertEquals(201, end.status());
    assertEquals("{\"groupId\":\"contract\"}", lastReceived("/v1/runs/contract-post").body(), "the body went out");
  }

  @Test
  void aRateLimitedResponseHandsOverItsRetryAfterAsSent() throws Exception {
    // An HTTP-date: parsing it is the recorder's job, so it must arrive as the server wrote it.
    String retryAfter = "Wed, 21 Oct 2015 07:28:00 GMT";
    server.answer("/v1/runs/contract-429", Answer.status(429).retryAfter(retryAfter));

    assertEquals(429, client.send(get(server.uri("/v1/runs/contract-429"))));

    RecordedEnd end = onlyEnd();
    assertEquals(429, end.status());
    assertEquals(retryAfter, end.retryAfter());
    assertNull(end.failure());
  }

  @Test
  void aResponseWithoutRetryAfterHandsOverNone() throws Exception {
    server.answer("/v1/runs/contract-503", Answer.status(503));

    assertEquals(503, client.send(get(server.uri("/v1/runs/contract-503"))));

    RecordedEnd end = onlyEnd();
    assertEquals(503, end.status());
    assertNull(end.retryAfter());
  }

  @Test
  void aRefusedConnectionIsOneAttemptThatEndsWithANetworkError() throws Exception {
    try (RefusedPort refused = RefusedPort.open()) {
      URI uri = URI.create("http://127.0.0.1:" + refused.port() + "/v1/runs/contract-refused");

      assertThrows(Exception.class, () -> client.send(get(uri)));

      RecordedEnd end = onlyEnd();
      assertEquals("/v1/runs/contract-refused", end.attempt().path());
      assertEquals(refused.port(), end.attempt().effectivePort());
      assertEquals(-1, end.status());
      assertEquals(ErrorCategory.NETWORK_ERROR, ErrorCategory.ofFailure(end.failure()), String.valueOf(end.failure()));
    }
  }

  @Test
  void aReadTimeoutEndsTheAttemptAsATimeout() throws Exception {
    server.answer("/v1/runs/contract-slow", Answer.status(200).after(Duration.ofSeconds(3)));
    ContractRequest slow =
        new ContractRequest("GET", server.uri("/v1/runs/contract-slow"), Map.of(), null, Duration.ofMillis(300));

    assertThrows(Exception.class, () -> client.send(slow));

    RecordedEnd end = onlyEnd();
    assertEquals(-1, end.status());
    assertEquals(ErrorCategory.TIMEOUT, ErrorCategory.ofFailure(end.failure()), String.valueOf(end.failure()));
  }

  @Test
  void aRequestToAnotherHostIsNotRecorded() throws Exception {
    assertEquals(200, client.send(get(server.uriAsLocalhost("/v1/runs/contract-other-host"))));
    // The same request to the Currents host after it: recorded, so the one before was seen and left alone.
    assertEquals(200, client.send(get(server.uri("/v1/runs/contract-currents-host"))));

    assertEquals("GET", lastReceived("/v1/runs/contract-other-host").method(), "the request was sent");
    assertEquals("/v1/runs/contract-currents-host", onlyEnd().attempt().path());
  }

  @Test
  void aBearerTokenIsFingerprintedEqualForEqualTokens() throws Exception {
    long first = fingerprintOf(Map.of("Authorization", "Bearer contract-key-one"));
    long again = fingerprintOf(Map.of("Authorization", "Bearer contract-key-one"));
    long other = fingerprintOf(Map.of("Authorization", "Bearer contract-key-two"));
    long none = fingerprintOf(Map.of());

    assertNotEquals(0L, first);
    assertEquals(first, again, "the same key");
    assertNotEquals(first, other, "another key");
    assertEquals(0L, none, "no credential");
    assertTrue(sent("Authorization", "Bearer contract-key-one"), "the client sent the header");
  }

  @Test
  void aRecordKeyIsFingerprintedLikeABearerToken() throws Exception {
    long key = fingerprintOf(Map.of("x-currents-key", "contract-record-key"));
    long again = fingerprintOf(Map.of("x-currents-key", "contract-record-key"));

    assertNotEquals(0L, key);
    assertEquals(key, again);
  }

  @Test
  void theRecorderNeverSeesARawCredential() throws Exception {
    fingerprintOf(Map.of("Authorization", "Bearer contract-secret-token"));
    fingerprintOf(Map.of("x-currents-key", "contract-secret-record-key"));

    String seen = recorder.everythingSeen();
    assertEquals(2, recorder.ended().size(), seen);
    assertFalse(seen.contains("contract-secret"), seen);
    assertTrue(sent("x-currents-key", "contract-secret-record-key"), "the client sent the key");
  }

  @Test
  void everyClassWovenIsHeldWhileTheAgentStarts() throws Exception {
    assertEquals(200, client.send(get(server.uri("/v1/runs/contract-held"))));
    assertThrows(Exception.class, () -> {
      try (RefusedPort refused = RefusedPort.open()) {
        client.send(get(URI.create("http://127.0.0.1:" + refused.port() + "/v1/runs/contract-held")));
      }
    });

    assertFalse(WeavingHarness.woven().isEmpty(), "something was woven");
    assertEquals(List.of(), WeavingHarness.wovenButNotHeld(), "woven, but not held by the start gate");
  }

  /** Sends a GET with {@code headers} and returns the fingerprint of the attempt it made. */
  private long fingerprintOf(Map<String, String> headers) throws Exception {
    int before = recorder.ended().size();
    ContractRequest request =
        new ContractRequest(
            "GET", server.uri("/v1/runs/contract-credential"), headers, null, ContractRequest.DEFAULT_READ_TIMEOUT);
    assertEquals(200, client.send(request));
    List<RecordedEnd> ended = recorder.awaitEnded(before + 1, ENDS_WITHIN);
    assertEquals(before + 1, ended.size());
    return ended.get(before).attempt().credentialFingerprint();
  }

  private RecordedEnd onlyEnd() throws InterruptedException {
    List<RecordedEnd> ended = recorder.awaitEnded(1, ENDS_WITHIN);
    assertEquals(1, ended.size(), recorder.events().toString());
    assertEquals(1, recorder.started().size(), recorder.events().toString());
    return ended.get(0);
  }

  private ReceivedRequest lastReceived(String path) {
    List<ReceivedRequest> received = server.received();
    for (int i = received.size() - 1; i >= 0; i--) {
      if (received.get(i).uri().getPath().equals(path)) {
        return received.get(i);
      }
    }
    throw new AssertionError("the server received no request for " + path);
  }

  private boolean sent(String header, String value) {
    return server.received().stream().anyMatch(request -> value.equals(request.header(header)));
  }

  private static ContractRequest get(URI uri) {
    return new ContractRequest("GET", uri, Map.of(), null, ContractRequest.DEFAULT_READ_TIMEOUT);
  }
}
