package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.HostFilter;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CurrentsRequestsTest {

  private final List<Object[]> finished = new ArrayList<>();

  @BeforeEach
  void install() {
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {}

          @Override
          public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
            finished.add(new Object[] {attempt, status, retryAfter, failure});
          }
        });
  }

  @AfterEach
  void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Test
  void onlyConfiguredHostsAreCurrents() throws Exception {
    assertTrue(CurrentsRequests.isCurrents(URI.create("https://api.currents.dev/v1/runs/x")));
    assertTrue(CurrentsRequests.isCurrents(new URL("https://API.currents.dev/v1/projects")));
    assertFalse(CurrentsRequests.isCurrents(URI.create("https://example.com/v1/runs/x")));
    assertFalse(CurrentsRequests.isCurrents(URI.create("mailto:someone@api.currents.dev")));
    assertFalse(CurrentsRequests.isCurrents((URI) null));
    assertTrue(CurrentsRequests.isCurrents("https", "api.currents.dev", 443));
    assertFalse(CurrentsRequests.isCurrents("https", "example.com", 443));
    assertFalse(CurrentsRequests.isCurrents("https", null, 443));
  }

  @Test
  void anAttemptEndsOnceHoweverItsClientReportsIt() {
    Attempt attempt = start("GET", "https://api.currents.dev/v1/runs/abc?x=1", "Bearer key");
    CurrentsRequests.end(attempt, 429, Map.of("Retry-After", "5"), Map::get);
    CurrentsRequests.fail(attempt, new IOException("late"));
    CurrentsRequests.end(attempt, 200, null, null);
    assertEquals(1, finished.size());
    assertEquals(429, finished.get(0)[1]);
    assertEquals("5", finished.get(0)[2]);
    assertEquals("/v1/runs/abc", attempt.path());
    assertEquals("x=1", attempt.query());
    assertEquals(443, attempt.effectivePort());
  }

  @Test
  void anAttemptFromATargetAndARawPathIsTheSameRequestAsFromItsUri() {
    Attempt fromParts =
        CurrentsRequests.start("apache-httpclient-5", "GET", "https", "api.currents.dev", 443, "/v1/runs/a%20b", "x=1",
            Map.of("Authorization", "Bearer key"), Map::get, null);
    Attempt fromUri = start("GET", "https://api.currents.dev:443/v1/runs/a%20b?x=1", "Bearer key");
    assertEquals("GET", fromParts.method());
    assertEquals(fromUri.path(), fromParts.path());
    assertEquals(fromUri.query(), fromParts.query());
    assertEquals(fromUri.effectivePort(), fromParts.effectivePort());
    assertEquals(fromUri.credentialFingerprint(), fromParts.credentialFingerprint());
    assertEquals("", CurrentsRequests.start("apache-httpclient-5", "GET", "https", "api.currents.dev", -1, null, null,
        null, null, null).path());
  }

  @Test
  void theCredentialIsKeptOnlyAsAFingerprint() {
    Attempt one = start("GET", "https://api.currents.dev/v1/projects", "Bearer key-one");
    Attempt again = start("GET", "https://api.currents.dev/v1/projects", "Bearer key-one");
    Attempt other = start("GET", "https://api.currents.dev/v1/projects", "Bearer key-two");
    Attempt none = start("GET", "https://api.currents.dev/v1/projects", null);
    assertEquals(one.credentialFingerprint(), again.credentialFingerprint());
    assertNotEquals(one.credentialFingerprint(), other.credentialFingerprint());
    assertEquals(0, none.credentialFingerprint());
  }

  @Test
  void nonStandardMethodsAreBounded() {
    assertEquals("_OTHER", start("PURGE", "https://api.currents.dev/v1/projects", null).method());
    assertSame("GET", start(new String("GET"), "https://api.currents.dev/v1/projects", null).method());
  }

  @Test
  void aFaultyRecorderNeverReachesTheApplication() {
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {
            throw new IllegalStateException("broken");
          }

          @Override
          public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
            throw new IllegalStateException("broken");
          }
        });
    long before = AgentErrors.count();
    assertNull(start("GET", "https://api.currents.dev/v1/projects", null));
    assertEquals(before + 1, AgentErrors.count());
  }

  @Test
  void aParentCapturedWhereTheRequestWasMadeGoesToTheRecorderWithItsAttempt() {
    ApplicationSpansForTests spans = ApplicationSpansForTests.install();
    Object applicationSpan = new Object();
    spans.current = applicationSpan;
    Object captured = CurrentsRequests.currentParent();
    assertSame(applicationSpan, captured);
    URI uri = URI.create("https://api.currents.dev/v1/projects");
    Attempt child = CurrentsRequests.start("reactor-netty", "GET", uri, null, null, captured);
    assertSame(captured, child.parent());
    assertNull(CurrentsRequests.start("reactor-netty", "GET", uri, null, null, null).parent(), "none kept: none given");
    assertEquals(2, spans.parentsAtStart.size());
    assertSame(captured, spans.parentsAtStart.get(0), "the recorder sees it as the attempt starts");
  }

  @Test
  void noParentIsCapturedWithoutSpansNorFromAFaultyRecorder() {
    CurrentsRequests.install(HostFilter.parse("api.currents.dev"), AttemptRecorder.NONE);
    assertNull(CurrentsRequests.currentParent());
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {}

          @Override
          public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {}

          @Override
          public Object currentParent() {
            throw new IllegalStateException("broken");
          }
        });
    long before = AgentErrors.count();
    assertNull(CurrentsRequests.currentParent());
    assertEquals(before + 1, AgentErrors.count());
  }

  private static Attempt start(String method, String url, String authorization) {
    Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
    return CurrentsRequests.start("test-client", method, URI.create(url), headers, Map::get, null);
  }
}
