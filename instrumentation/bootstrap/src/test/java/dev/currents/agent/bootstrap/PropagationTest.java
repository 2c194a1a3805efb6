package dev.currents.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The hook through which instrumentations add {@code traceparent} to a request, and the agent's own requests. */
class PropagationTest {

  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final URI RUN = URI.create("https://api.currents.dev/v1/runs/r1");

  /** A client whose requests are maps of headers, immutable: adding one makes a copy. */
  private static final HeaderInjector MAPS =
      new HeaderInjector() {
        @Override
        public boolean has(Object request, String name) {
          return ((Map<?, ?>) request).containsKey(name);
        }

        @Override
        public Object with(Object request, String name, String value) {
          Map<Object, Object> copy = new HashMap<>((Map<?, ?>) request);
          copy.put(name, value);
          return copy;
        }
      };

  static {
    CurrentsRequests.registerHeaderInjector("maps", MAPS);
  }

  @Test
  void theRequestToSendCarriesTheAttemptsTraceparent() {
    Attempt attempt = attempt(TRACEPARENT);
    assertEquals(Map.of("traceparent", TRACEPARENT), CurrentsRequests.propagate(attempt, Map.of()));
  }

  @Test
  void aRequestThatHasOneAlreadyKeepsIt() {
    Map<String, String> request = Map.of("traceparent", "set by an outer client");
    assertSame(request, CurrentsRequests.propagate(attempt(TRACEPARENT), request));
  }

  @Test
  void withoutATraceparentOrAnInjectorNothingChanges() {
    Map<String, String> request = Map.of();
    assertSame(request, CurrentsRequests.propagate(attempt(null), request));
    assertSame(request, CurrentsRequests.propagate(null, request));
    Attempt other = CurrentsRequests.start("no-injector", "GET", RUN, null, null);
    other.traceparent(TRACEPARENT);
    assertSame(request, CurrentsRequests.propagate(other, request));
  }

  @Test
  void aFailingInjectorLeavesTheRequestAsItWas() {
    CurrentsRequests.registerHeaderInjector(
        "broken",
        new HeaderInjector() {
          @Override
          public boolean has(Object request, String name) {
            return false;
          }

          @Override
          public Object with(Object request, String name, String value) {
            throw new IllegalStateException("already connected");
          }
        });
    Attempt attempt = CurrentsRequests.start("broken", "GET", RUN, null, null);
    attempt.traceparent(TRACEPARENT);
    Object request = new Object();
    long errors = AgentErrors.count();
    assertSame(request, CurrentsRequests.propagate(attempt, request));
    assertEquals(errors + 1, AgentErrors.count());
  }

  @Test
  void theAgentsOwnThreadsStartNoAttempt() throws Exception {
    AtomicReference<Attempt> started = new AtomicReference<>(attempt(null));
    Thread exporter = new AgentThread(() -> started.set(CurrentsRequests.start("maps", "GET", RUN, null, null)), "export");
    exporter.start();
    exporter.join();
    assertNull(started.get());
  }

  private static Attempt attempt(String traceparent) {
    Attempt attempt = CurrentsRequests.start("maps", "GET", RUN, null, null);
    attempt.traceparent(traceparent);
    return attempt;
  }
}
