package dev.currents.agent.instrumentation.jetty.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.testing.RecordingRecorder;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponse;
import org.eclipse.jetty.client.api.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads and writes real Jetty 9.4.0 objects, whose HttpFields is a class (an interface from 10 on). */
class JettyAccessTest {

  private final HttpClient client = new HttpClient();

  @BeforeEach
  void install() {
    RecordingRecorder.installFor("api.currents.dev");
  }

  @AfterEach
  void uninstall() {
    RecordingRecorder.uninstall();
  }

  @Test
  void tellsCurrentsRequestsFromOthers() throws Throwable {
    assertTrue(JettyAccess.isCurrents(client.newRequest("https://api.currents.dev/v1/projects")));
    assertFalse(JettyAccess.isCurrents(client.newRequest("https://example.com/v1/projects")));
  }

  @Test
  void readsTheRequest() throws Throwable {
    Request request =
        client.newRequest("https://api.currents.dev/v1/runs/find?ci=1").method("POST").header("Authorization", "Bearer k");
    assertEquals("POST", JettyAccess.method(request));
    assertEquals(URI.create("https://api.currents.dev/v1/runs/find?ci=1"), JettyAccess.uri(request));
    assertEquals("Bearer k", JettyAccess.requestHeader(request, "Authorization"));
    assertNull(JettyAccess.requestHeader(request, "x-currents-key"));
    assertNotNull(JettyAccess.conversation(request));
  }

  @Test
  void putsAHeaderInPlaceOfTheOneTheRequestHad() throws Throwable {
    Request request = client.newRequest("https://api.currents.dev/v1/projects").header("traceparent", "old");
    JettyAccess.putRequestHeader(request, "traceparent", "new");
    assertEquals(List.of("new"), request.getHeaders().getValuesList("traceparent"));
  }

  @Test
  void readsTheResponse() throws Throwable {
    Request request = client.newRequest("https://api.currents.dev/v1/projects");
    HttpResponse response = new HttpResponse(request, List.of());
    response.status(429);
    response.getHeaders().put("Retry-After", "3");
    assertEquals(429, JettyAccess.status(response));
    assertEquals("3", JettyAccess.responseHeader(response, "Retry-After"));
    assertNull(JettyAccess.responseHeader(response, "Location"));
  }
}
