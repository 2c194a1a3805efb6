package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallParentsTest {

  private final CallParents parents = new CallParents();
  private final Object call = new Object();

  private ApplicationSpansForTests spans;

  @BeforeEach
  void install() {
    spans = ApplicationSpansForTests.install();
  }

  @AfterEach
  void uninstall() {
    ApplicationSpansForTests.uninstall();
  }

  @Test
  void theSpanCurrentWhenTheCallIsMadeIsTheParentOfItsAttemptsOnOtherThreads() {
    Object applicationSpan = new Object();
    spans.current = applicationSpan;
    parents.keepCurrent(call);
    spans.current = null; // the client's own thread
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
    spans.current = applicationSpan;
    assertSame(applicationSpan, parents.keptOrCurrent(call), "the first attempt, on the application's thread");
    spans.current = new Object(); // whatever the client's thread has current later
    assertSame(applicationSpan, parents.keptOrCurrent(call), "a redirect hop or resend on the client's thread");
  }

  @Test
  void aForgottenCallHasNoParentLeft() {
    spans.current = new Object();
    parents.keepCurrent(call);
    parents.forget(call);
    assertNull(parents.of(call));
    parents.forget(new Object()); // a call never kept
  }
}
