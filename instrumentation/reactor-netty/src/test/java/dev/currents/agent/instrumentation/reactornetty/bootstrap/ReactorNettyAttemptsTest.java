package dev.currents.agent.instrumentation.reactornetty.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.testing.RecordingRecorder;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The life of one request's tries, as the advice reports it: each try is recorded once, however it ends. */
class ReactorNettyAttemptsTest {

  private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer k");
  private static final String URL = "https://api.currents.dev/v1/projects?limit=5";

  private final Object handler = new Object();
  private final Object exchange = new Object();
  @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest("api.currents.dev");

  /** How each ended attempt ended: its failure, else its status. */
  private List<Object> endings() {
    return recorder.ended().stream()
        .map(end -> end.failure() != null ? (Object) end.failure() : (Object) end.status())
        .collect(Collectors.toList());
  }

  @Test
  void aTryStartsWhenItsHeadersGoOutAndOnlyThen() {
    assertNull(ReactorNettyAttempts.sendsHeadersNow(exchange), "not a Currents try");
    ReactorNettyAttempts.connected(handler, exchange);
    assertNull(ReactorNettyAttempts.sendsHeadersNow(new Object()), "another exchange");
    assertNotNull(ReactorNettyAttempts.sendsHeadersNow(exchange));
    assertNull(ReactorNettyAttempts.sendsHeadersNow(exchange), "headers are marked sent once");
  }

  @Test
  void aResponseEndsTheAttemptAndTheFailedTryOfARedirectAddsNothing() {
    Attempt attempt = startedTry();
    assertSame(attempt, ReactorNettyAttempts.detach(exchange));
    CurrentsRequests.end(attempt, 302, null, null);
    assertSame(exchange, ReactorNettyAttempts.tryFailed(handler));
    assertTrue(ReactorNettyAttempts.failStarted(exchange, new RuntimeException("redirect")));
    assertEquals(List.of(302), endings());
  }

  @Test
  void aFailedTryEndsItsOpenAttemptWithTheFailure() {
    startedTry();
    SocketException reset = new SocketException("Connection reset by peer");
    assertSame(exchange, ReactorNettyAttempts.tryFailed(handler));
    assertTrue(ReactorNettyAttempts.failStarted(exchange, reset));
    assertEquals(List.of(reset), endings());
    assertNull(ReactorNettyAttempts.tryFailed(handler), "the next try starts afresh");
  }

  @Test
  void aTryThatFailedBeforeItsHeadersWentOutIsLeftToTheCallerToRecord() {
    ReactorNettyAttempts.connected(handler, exchange);
    assertSame(exchange, ReactorNettyAttempts.tryFailed(handler));
    assertFalse(ReactorNettyAttempts.failStarted(exchange, new SocketException("closed")));
    assertNull(ReactorNettyAttempts.sendsHeadersNow(exchange), "nor does it start later");
    assertEquals(List.of(), endings());
  }

  @Test
  void aTryWithoutAConnectionStartsAndEndsAtOnce() {
    assertNull(ReactorNettyAttempts.tryFailed(handler));
    ConnectException refused = new ConnectException("refused");
    ReactorNettyAttempts.failedUnstarted(handler, "GET", URL, BEARER, Map::get, refused);
    assertEquals(1, recorder.started().size());
    assertEquals("/v1/projects", recorder.started().get(0).path());
    assertTrue(recorder.started().get(0).credentialFingerprint() != 0, "the credential known so far is fingerprinted");
    assertEquals(List.of(refused), endings());
  }

  @Test
  void aCancelledExchangeCancelsItsOpenAttemptOnly() {
    startedTry();
    ReactorNettyAttempts.cancelled(exchange);
    ReactorNettyAttempts.cancelled(exchange);
    assertEquals(1, endings().size());
    assertEquals(ErrorCategory.CANCELLED, ErrorCategory.ofFailure((Throwable) endings().get(0)));
    assertTrue(ReactorNettyAttempts.failStarted(exchange, new SocketException("closed")));
    assertEquals(1, endings().size(), "the close that follows adds nothing");
  }

  @Test
  void everyTryOfARequestIsAChildOfTheSpanCurrentWhenItWasSubscribed() {
    Object applicationSpan = new Object();
    recorder.currentParent(applicationSpan);
    ReactorNettyAttempts.subscribed(handler);
    recorder.currentParent(new Object()); // the event loop's, say: not the request's
    Attempt first = startedTry();
    CurrentsRequests.end(ReactorNettyAttempts.detach(exchange), 302, null, null);
    ReactorNettyAttempts.tryFailed(handler);
    ReactorNettyAttempts.failStarted(exchange, new RuntimeException("redirect"));
    Object hop = new Object();
    ReactorNettyAttempts.connected(handler, hop);
    Attempt second = ReactorNettyAttempts.start(hop, ReactorNettyAttempts.sendsHeadersNow(hop), "GET", URL, null, null);
    ReactorNettyAttempts.tryFailed(handler);
    ReactorNettyAttempts.failedUnstarted(handler, "GET", URL, null, null, new ConnectException("refused"));

    assertEquals(3, recorder.started().size());
    assertSame(first, recorder.started().get(0));
    assertSame(second, recorder.started().get(1));
    for (Attempt attempt : recorder.started()) {
      assertSame(applicationSpan, attempt.parent());
    }
  }

  @Test
  void aRequestSubscribedOutsideAnySpanKeepsNoParent() {
    ReactorNettyAttempts.subscribed(handler);
    assertNull(startedTry().parent(), "the span current where the attempt starts, as for other clients");
  }

  private Attempt startedTry() {
    ReactorNettyAttempts.connected(handler, exchange);
    Object parent = ReactorNettyAttempts.sendsHeadersNow(exchange);
    assertNotNull(parent);
    Attempt attempt = ReactorNettyAttempts.start(exchange, parent, "GET", URL, BEARER, Map::get);
    assertNotNull(attempt);
    return attempt;
  }
}
