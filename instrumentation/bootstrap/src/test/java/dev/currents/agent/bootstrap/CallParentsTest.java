package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.common.HostFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallParentsTest {

  /** What the application has current on "this thread"; null: no span. */
  private Object current;

  private final CallParents parents = new CallParents();
  private final Object call = new Object();

  @BeforeEach
  void install() {
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {}

          @Override
          public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {}

          @Override
          public Object currentParent() {
            return current;
          }
        });
  }

  @AfterEach
  void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Test
  void theSpanCurrentWhenTheCallIsMadeIsTheParentOfItsAttemptsOnOtherThreads() {
    Object applicationSpan = new Object();
    current = applicationSpan;
    parents.keepCurrent(call);
    current = null; // the client's own thread
    assertSame(applicationSpan, parents.of(call));
    assertSame(applicationSpan, parents.of(call), "every attempt of the call");
    assertNull(parents.of(new Object()), "another call kept none");
  }

  @Test
  void aCallMadeOutsideAnySpanKeepsNothing() {
    parents.keepCurrent(call);
    assertNull(parents.of(call));
  }

  @Test
  void theFirstAttemptsSpanIsKeptForTheAttemptsThatFollow() {
    Object applicationSpan = new Object();
    current = applicationSpan;
    assertSame(applicationSpan, parents.keptOrCurrent(call), "the first attempt, on the application's thread");
    current = new Object(); // whatever the client's thread has current later
    assertSame(applicationSpan, parents.keptOrCurrent(call), "a redirect hop or resend on the client's thread");
  }

  @Test
  void aForgottenCallHasNoParentLeft() {
    current = new Object();
    parents.keepCurrent(call);
    parents.forget(call);
    assertNull(parents.of(call));
    parents.forget(new Object()); // a call never kept
  }
}
