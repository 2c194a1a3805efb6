package dev.currents.agent.instrumentation.jetty.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponse;
import org.eclipse.jetty.client.api.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JettyExchangesTest {

  private final HttpClient client = new HttpClient();
  private final List<String> recorded = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();

  @BeforeEach
  void install() {
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new AttemptRecorder() {
          @Override
          public void started(Attempt attempt) {}

          @Override
          public void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
            recorded.add(attempt.method() + " " + attempt.path() + " " + status + " " + retryAfter);
            failures.add(failure);
          }
        });
  }

  @AfterEach
  void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Test
  void anExchangeThatTerminatesEndsItsAttemptWithTheResponse() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    JettyExchanges.started(request);
    HttpResponse response = new HttpResponse(request, List.of());
    response.status(429);
    response.getHeaders().put("Retry-After", "2");
    JettyExchanges.terminated(request, response, null, null);
    JettyExchanges.terminated(request, response, null, null);
    assertEquals(List.of("GET /v1/projects 429 2"), recorded, "once");
  }

  @Test
  void aFailedExchangeEndsItsAttemptWithTheFailure() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    JettyExchanges.started(request);
    ConnectException refused = new ConnectException("refused");
    JettyExchanges.failed(request, refused);
    assertEquals(List.of("GET /v1/projects -1 null"), recorded);
    assertSame(refused, failures.get(0));
  }

  @Test
  void aResponseFailureWinsOverTheResponseReceivedBeforeIt() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    JettyExchanges.started(request);
    HttpResponse response = new HttpResponse(request, List.of());
    response.status(200);
    java.io.EOFException reset = new java.io.EOFException();
    JettyExchanges.terminated(request, response, null, reset);
    assertSame(reset, failures.get(0));
  }

  @Test
  void requestsToOtherHostsAreNotRecorded() {
    Request request = client.newRequest("https://example.com/v1/projects");
    JettyExchanges.started(request);
    JettyExchanges.terminated(request, new HttpResponse(request, List.of()), null, null);
    assertEquals(List.of(), recorded);
  }

  @Test
  void anAbortOutsideJettysOwnAbortIsNotTakenForTheApplications() {
    assertEquals(false, Callers.ofAbortIsTheApplication());
  }
}
