package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.common.HostFilter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParentHandoverTest {

  private static final URI RUN = URI.create("https://api.currents.dev/v1/runs/r1");

  /** What the application has current on "this thread"; null: no span. */
  private Object current;

  private final List<Object> parentsAtStart = new ArrayList<>();

  @BeforeEach
  void install() {
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {
            parentsAtStart.add(attempt.parent());
          }

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
  void attemptsStartedWhileTheTaskRunsAreChildrenOfTheSpanCurrentWhereItWasMade() throws Exception {
    Object applicationSpan = new Object();
    current = applicationSpan;
    Runnable task = ParentHandover.withCurrentParent(() -> CurrentsRequests.start("http-url-connection", "GET", RUN, null, null));
    current = null; // the layer's executor thread
    Thread executor = new Thread(task);
    executor.start();
    executor.join();
    assertSame(applicationSpan, parentsAtStart.get(0));

    CurrentsRequests.start("http-url-connection", "GET", RUN, null, null);
    assertNull(parentsAtStart.get(1), "outside the task, nothing is handed over");
  }

  @Test
  void aParentTheClientKeptItselfWins() {
    current = new Object();
    Object kept = new Object();
    ParentHandover.withCurrentParent(() -> CurrentsRequests.start("okhttp", "GET", RUN, null, null, kept)).run();
    assertSame(kept, parentsAtStart.get(0));
  }

  @Test
  void withoutACurrentSpanTheTaskIsLeftAsItIs() {
    Runnable task = () -> {};
    assertSame(task, ParentHandover.withCurrentParent(task));
  }
}
