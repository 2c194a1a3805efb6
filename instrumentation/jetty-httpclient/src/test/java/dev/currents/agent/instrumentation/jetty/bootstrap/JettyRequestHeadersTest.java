package dev.currents.agent.instrumentation.jetty.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpConversation;
import org.eclipse.jetty.client.HttpRequest;
import org.eclipse.jetty.client.api.Request;
import org.junit.jupiter.api.Test;

class JettyRequestHeadersTest {

  private final HttpClient client = new HttpClient();
  private final JettyRequestHeaders headers = new JettyRequestHeaders();

  @Test
  void aTraceparentOfTheApplicationIsKept() {
    Request request = client.newRequest("https://api.currents.dev/v1/projects").header("traceparent", "app's");
    assertEquals("app's", headers.first(request, "traceparent"));
    assertNull(headers.first(client.newRequest("https://api.currents.dev/v1/projects"), "traceparent"));
  }

  /** Jetty copies the headers of a request into its redirect and authentication resends. */
  @Test
  void theNextRequestOfAConversationGetsItsOwnInPlaceOfTheCopyOfThePrevious() {
    HttpConversation conversation = new HttpConversation();
    Request first = new Hop(client, conversation, "https://api.currents.dev/v1/projects/p");
    headers.with(first, "traceparent", "first");
    assertEquals("first", first.getHeaders().get("traceparent"));

    Request next = new Hop(client, conversation, "https://api.currents.dev/v1/projects").header("traceparent", "first");
    assertNull(headers.first(next, "traceparent"), "the copy of the agent's own value");
    headers.with(next, "traceparent", "next");
    assertEquals(List.of("next"), next.getHeaders().getValuesList("traceparent"));

    Request other = new Hop(client, new HttpConversation(), "https://api.currents.dev/v1/projects").header("traceparent", "first");
    assertEquals("first", headers.first(other, "traceparent"), "another conversation's request set it itself");
  }

  /** A request of a given conversation, as Jetty's redirector makes them. */
  private static final class Hop extends HttpRequest {
    Hop(HttpClient client, HttpConversation conversation, String uri) {
      super(client, conversation, java.net.URI.create(uri));
    }
  }
}
