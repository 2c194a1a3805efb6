package dev.currents.agent.instrumentation.asynchttpclient.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.testing.RecordingRecorder;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The attempts' bookkeeping, with plain objects for AHC's future and requests. */
class AsyncHttpClientAttemptsTest {

  private static final String URL = "https://api.currents.dev/v1/projects";

  private final Object future = new Object();
  private final Object first = new Object();
  private final Object second = new Object();
  @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest("api.currents.dev");

  @Test
  void aResponseEndsItsRequestsAttemptOnce() {
    start(null, null, first);
    AsyncHttpClientAttempts.responded(first, 429, Map.of("Retry-After", "2"), Map::get);
    AsyncHttpClientAttempts.responded(first, 429, Map.of("Retry-After", "2"), Map::get);
    AsyncHttpClientAttempts.failed(first, new IOException("late"));
    assertEquals(List.of("start GET /v1/projects", "end GET /v1/projects 429 2"), recorder.events());
    assertFalse(AsyncHttpClientAttempts.anyOpen());
  }

  @Test
  void aResendAfterAClosedConnectionEndsThePreviousAttemptWithAhcsFailureBeforeTheNextStarts() {
    start(null, null, first);
    IOException reset = new IOException("Connection reset");
    start(first, reset, second);
    AsyncHttpClientAttempts.responded(second, 200, null, null);
    assertEquals(List.of(
            "start GET /v1/projects",
            "end GET /v1/projects -1 null",
            "start GET /v1/projects",
            "end GET /v1/projects 200 null"),
        recorder.events());
    assertSame(reset, recorder.failures().get(0));
  }

  @Test
  void aRequestSentAgainAfterAConnectionThatCouldNotBeMadeIsTheSameAttempt() {
    start(null, null, first);
    AsyncHttpClientAttempts.connectFailed(first);
    start(first, null, second);
    ConnectException refused = new ConnectException("refused");
    AsyncHttpClientAttempts.failed(second, refused);
    assertEquals(List.of("start GET /v1/projects", "end GET /v1/projects -1 null"), recorder.events());
    assertSame(refused, recorder.failures().get(0));
  }

  @Test
  void aCancelledFutureCancelsItsOpenAttempt() {
    start(null, null, first);
    AsyncHttpClientAttempts.cancelled(first);
    assertEquals("java.util.concurrent.CancellationException", recorder.failures().get(0).getClass().getName());
  }

  private void start(Object previous, Throwable previousFailure, Object nettyRequest) {
    AsyncHttpClientAttempts.start(
        future,
        previous == null,
        previous,
        previousFailure,
        nettyRequest,
        "GET",
        URL,
        Map.of("Authorization", "Bearer k"),
        Map::get);
  }
}
