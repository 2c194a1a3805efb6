package dev.currents.agent.instrumentation.apachehttpclient5.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.testing.RecordingRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClient5AttemptsTest {

  @BeforeEach
  void install() {
    RecordingRecorder.installFor("api.currents.dev");
  }

  @AfterEach
  void uninstall() {
    RecordingRecorder.uninstall();
  }

  @Test
  void theRequestPathIsSplitIntoPathAndQuery() {
    Attempt attempt = start("/v1/runs/abc?limit=5&x=a%20b");
    assertEquals("/v1/runs/abc", attempt.path());
    assertEquals("limit=5&x=a%20b", attempt.query());
    assertNull(start("/v1/projects").query());
  }

  /** A request sent to a proxy carries the absolute URI as its path. */
  @Test
  void anAbsolutePathLosesItsSchemeAndAuthority() {
    Attempt attempt = start("https://api.currents.dev:443/v1/runs/abc?limit=5");
    assertEquals("/v1/runs/abc", attempt.path());
    assertEquals("limit=5", attempt.query());
    assertEquals("/", start("https://api.currents.dev").path());
    assertEquals("/", start("https://api.currents.dev?x=/y").path());
  }

  @Test
  void anAttemptWaitsForItsOwnCallbackOnly() {
    Attempt attempt = start("/v1/projects");
    Object callback = new Object();
    Object call = new Object();
    HttpClient5Attempts.awaitCallback(callback, attempt, call);
    assertNull(HttpClient5Attempts.callWaitingFor(new Object()));
    assertSame(call, HttpClient5Attempts.callWaitingFor(callback));
    HttpClient5Attempts.answered(callback, false, 200, null, null);
    assertTrue(attempt.isFinished());
    assertNull(HttpClient5Attempts.callWaitingFor(callback), "answered once");
  }

  private static Attempt start(String path) {
    return HttpClient5Attempts.start("GET", "https", "api.currents.dev", 443, path, null, null, null);
  }
}
