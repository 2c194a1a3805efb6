package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParentHandoverTest {

  private static final URI RUN = URI.create("https://api.currents.dev/v1/runs/r1");

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
  void attemptsStartedWhileTheTaskRunsAreChildrenOfTheSpanCurrentWhereItWasMade() throws Exception {
    Object applicationSpan = new Object();
    spans.current = applicationSpan;
    Runnable task = ParentHandover.withCurrentParent(() -> CurrentsRequests.start("http-url-connection", "GET", RUN, null, null, null));
    spans.current = null; // the layer's executor thread
    Thread executor = new Thread(task);
    executor.start();
    executor.join();
    assertSame(applicationSpan, spans.parentsAtStart.get(0));

    CurrentsRequests.start("http-url-connection", "GET", RUN, null, null, null);
    assertNull(spans.parentsAtStart.get(1), "outside the task, nothing is handed over");
  }

  @Test
  void aParentTheClientKeptItselfWins() {
    spans.current = new Object();
    Object kept = new Object();
    ParentHandover.withCurrentParent(() -> CurrentsRequests.start("okhttp", "GET", RUN, null, null, kept)).run();
    assertSame(kept, spans.parentsAtStart.get(0));
  }

  @Test
  void withoutACurrentSpanTheTaskIsLeftAsItIs() {
    Runnable task = () -> {};
    assertSame(task, ParentHandover.withCurrentParent(task));
  }

  @Test
  void aParentHandedOverIsTheCurrentParentAndTheAttemptsParentUntilRestored() {
    Object redirected = new Object();
    Object handedOver = ParentHandover.handOver(redirected);
    try {
      assertSame(redirected, CurrentsRequests.currentParent(), "what a client keeps for the call it makes next");
      CurrentsRequests.start("vertx-http-client", "GET", RUN, null, null, null);
      assertSame(redirected, spans.parentsAtStart.get(0));
    } finally {
      ParentHandover.restore(handedOver);
    }
    assertNull(CurrentsRequests.currentParent(), "restored");
  }

  @Test
  void aSpanCurrentOnTheThreadWinsOverOneHandedOver() {
    Object current = new Object();
    spans.current = current;
    Object handedOver = ParentHandover.handOver(new Object());
    try {
      assertSame(current, CurrentsRequests.currentParent());
    } finally {
      ParentHandover.restore(handedOver);
    }
  }

  @Test
  void handingOverNothingChangesNothing() {
    Object outer = new Object();
    Object handedOverOuter = ParentHandover.handOver(outer);
    try {
      ParentHandover.restore(ParentHandover.handOver(null));
      assertSame(outer, CurrentsRequests.currentParent(), "the outer hand-over stands");
    } finally {
      ParentHandover.restore(handedOverOuter);
    }
    assertNull(CurrentsRequests.currentParent());
  }
}
