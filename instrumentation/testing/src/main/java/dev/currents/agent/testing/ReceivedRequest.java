package dev.currents.agent.testing;

import com.sun.net.httpserver.Headers;
import java.net.URI;

/** A request as {@link TestServer} received it. */
public final class ReceivedRequest {

  private final String method;
  private final URI uri;
  private final Headers headers;
  private final String body;

  ReceivedRequest(String method, URI uri, Headers headers, String body) {
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  /** The request target: path and query, as sent. */
  public URI uri() {
    return uri;
  }

  /** The first value of the header {@code name}, whatever its case, or null. */
  public String header(String name) {
    return headers.getFirst(name);
  }

  public String body() {
    return body;
  }
}
