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
  private static final HeaderInjector<Map<String, String>> MAPS =
      new HeaderInjector<>() {
        @Override
        public String first(Map<String, String> request, String name) {
          return request.get(name);
        }

        @Override
        public Map<String, String> with(Map<String, String> request, String name, String value) {
          Map<String, String> copy = new HashMap<>(request);
          copy.put(name, value);
          return copy;
        }
      };

  /** A client whose requests are mutable maps of headers, which it copies into its next request. */
  private static final HeaderInjector<Map<String, String>> MUTABLE_MAPS =
      new HeaderInjector<>() {
        @Override
        public String first(Map<String, String> request, String name) {
          return request.get(name);
        }

        @Override
        public Map<String, String> with(Map<String, String> request, String name, String value) {
          request.put(name, value);
          return request;
        }

        @Override
        public void without(Map<String, String> request, String name) {
          request.remove(name);
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
    Attempt other = CurrentsRequests.start("no-injector", "GET", RUN, null, null, null);
    other.traceparent(TRACEPARENT);
    assertSame(request, CurrentsRequests.propagate(other, request));
  }

  @Test
  void aFailingInjectorLeavesTheRequestAsItWas() {
    CurrentsRequests.registerHeaderInjector(
        "broken",
        new HeaderInjector<Object>() {
          @Override
          public String first(Object request, String name) {
            return null;
          }

          @Override
          public Object with(Object request, String name, String value) {
            throw new IllegalStateException("already connected");
          }
        });
    Attempt attempt = CurrentsRequests.start("broken", "GET", RUN, null, null, null);
    attempt.traceparent(TRACEPARENT);
    Object request = new Object();
    long errors = AgentErrors.count();
    assertSame(request, CurrentsRequests.propagate(attempt, request));
    assertEquals(errors + 1, AgentErrors.count());
  }

  @Test
  void anInjectorPassedByItsAdviceIsUsedTheSameWay() {
    assertEquals(Map.of("traceparent", TRACEPARENT), CurrentsHeaders.propagate(attempt(TRACEPARENT), Map.of(), MAPS));
    Map<String, String> request = Map.of("traceparent", "set by the application");
    assertSame(request, CurrentsHeaders.propagate(attempt(TRACEPARENT), request, MAPS));
  }

  @Test
  void theAgentsOwnThreadsStartNoAttempt() throws Exception {
    AtomicReference<Attempt> started = new AtomicReference<>(attempt(null));
    Thread exporter = new AgentThread(() -> started.set(CurrentsRequests.start("maps", "GET", RUN, null, null, null)), "export");
    exporter.start();
    exporter.join();
    assertNull(started.get());
  }

  private static Attempt attempt(String traceparent) {
    Attempt attempt = CurrentsRequests.start("maps", "GET", RUN, null, null, null);
    attempt.traceparent(traceparent);
    return attempt;
  }

  @Test
  void theAttemptsTraceparentIsWithdrawnFromASentRequestTheClientCopies() {
    Map<String, String> sent = new HashMap<>();
    Attempt attempt = attempt(TRACEPARENT);
    CurrentsHeaders.propagate(attempt, sent, MUTABLE_MAPS);
    assertEquals(TRACEPARENT, sent.get("traceparent"));

    CurrentsHeaders.withdraw(attempt, sent, MUTABLE_MAPS);

    assertEquals(Map.of(), sent);
  }

  @Test
  void aTraceparentTheApplicationSetIsNotWithdrawn() {
    Map<String, String> sent = new HashMap<>(Map.of("traceparent", "set by the application"));
    Attempt attempt = attempt(TRACEPARENT);
    CurrentsHeaders.propagate(attempt, sent, MUTABLE_MAPS);

    CurrentsHeaders.withdraw(attempt, sent, MUTABLE_MAPS);

    assertEquals(Map.of("traceparent", "set by the application"), sent);
  }

  @Test
  void anInjectorThatCannotRemoveLeavesTheRequestAndCountsAnAgentError() {
    Map<String, String> sent = new HashMap<>(Map.of("traceparent", TRACEPARENT));
    long before = AgentErrors.count();

    CurrentsHeaders.withdraw(attempt(TRACEPARENT), sent, MAPS);

    assertEquals(Map.of("traceparent", TRACEPARENT), sent);
    assertEquals(before + 1, AgentErrors.count());
  }
}
