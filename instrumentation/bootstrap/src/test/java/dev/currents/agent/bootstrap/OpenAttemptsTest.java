package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.HostFilter;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAttemptsTest {

  private final List<Object[]> finished = new ArrayList<>();
  private final OpenAttempts<Object> open = new OpenAttempts<>("Client.cancel()");
  private final Object request = new Object();

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

  private static Attempt start() {
    return CurrentsRequests.start("test", "GET", URI.create("https://api.currents.dev/v1/runs"), null, null, null);
  }

  @Test
  void anAttemptIsFoundByItsLibraryObjectUntilItEndsOnce() {
    Attempt attempt = start();
    assertTrue(open.isEmpty());
    open.open(request, attempt);
    assertFalse(open.isEmpty());
    assertNull(open.get(new Object()), "another request has none");
    assertSame(attempt, open.get(request), "left open");

    open.answer(request, 429, Map.of("Retry-After", "3"), Map::get);
    open.answer(request, 200, null, null);
    open.fail(request, new IOException("late"));

    assertEquals(1, finished.size());
    assertEquals(429, finished.get(0)[1]);
    assertEquals("3", finished.get(0)[2]);
    assertTrue(open.isEmpty());
  }

  @Test
  void aFailureOrACancellationEndsTheAttemptWithoutAResponse() {
    Object other = new Object();
    IOException reset = new IOException("reset");
    open.open(request, start());
    open.open(other, start());

    open.fail(request, reset);
    open.cancel(other);

    assertSame(reset, finished.get(0)[3]);
    CancellationException cancelled = (CancellationException) finished.get(1)[3];
    assertEquals("Client.cancel()", cancelled.getMessage());
    assertSame(open.cancellation(), cancelled);
  }

  @Test
  void nothingIsKeptForAnAttemptTheAgentDoesNotRecordNorForANullObject() {
    open.open(request, null);
    assertTrue(open.isEmpty());
    assertNull(open.detach(null));
    open.cancel(null);
    assertEquals(List.of(), finished);
  }

  @Test
  void aDetachedAttemptIsTheCallersToEnd() {
    Attempt attempt = start();
    open.open(request, attempt);
    assertSame(attempt, open.detach(request));
    assertNull(open.detach(request));
    assertFalse(attempt.isFinished());
  }
}
