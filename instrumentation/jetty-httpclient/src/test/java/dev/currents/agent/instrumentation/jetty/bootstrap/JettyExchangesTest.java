package dev.currents.agent.instrumentation.jetty.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.currents.agent.testing.RecordedEnd;
import dev.currents.agent.testing.RecordingRecorder;
import java.net.ConnectException;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponse;
import org.eclipse.jetty.client.api.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JettyExchangesTest {

  private final HttpClient client = new HttpClient();
  @RegisterExtension final RecordingRecorder recorder = RecordingRecorder.eachTest("api.currents.dev");

  /** Method, path, status and Retry-After of each ended attempt. */
  private List<String> recorded() {
    return recorder.ended().stream().map(RecordedEnd::toString).collect(Collectors.toList());
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
    assertEquals(List.of("GET /v1/projects 429 2"), recorded(), "once");
  }

  @Test
  void aFailedExchangeEndsItsAttemptWithTheFailure() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    JettyExchanges.started(request);
    ConnectException refused = new ConnectException("refused");
    JettyExchanges.failed(request, refused);
    assertEquals(List.of("GET /v1/projects -1 null"), recorded());
    assertSame(refused, recorder.failures().get(0));
  }

  @Test
  void aResponseFailureWinsOverTheResponseReceivedBeforeIt() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    JettyExchanges.started(request);
    HttpResponse response = new HttpResponse(request, List.of());
    response.status(200);
    java.io.EOFException reset = new java.io.EOFException();
    JettyExchanges.terminated(request, response, null, reset);
    assertSame(reset, recorder.failures().get(0));
  }

  @Test
  void requestsToOtherHostsAreNotRecorded() {
    Request request = client.newRequest("https://example.com/v1/projects");
    JettyExchanges.started(request);
    JettyExchanges.terminated(request, new HttpResponse(request, List.of()), null, null);
    assertEquals(List.of(), recorded());
  }

  @Test
  void anAbortOutsideJettysOwnAbortIsNotTakenForTheApplications() {
    assertEquals(false, Callers.ofAbortIsTheApplication());
  }
}
