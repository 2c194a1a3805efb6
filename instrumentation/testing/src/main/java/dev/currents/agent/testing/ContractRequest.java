package dev.currents.agent.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** One request of {@link ClientContract}, for a {@link ContractClient} to send. */
public final class ContractRequest {

  /** Long enough for any answer the contract does not delay on purpose. */
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final String body;
  private final Duration readTimeout;

  ContractRequest(String method, URI uri, Map<String, String> headers, String body, Duration readTimeout) {
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.body = body;
    this.readTimeout = readTimeout;
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  /** The headers to send besides those the client adds itself. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The body of a {@code POST} ({@code application/json}), null for a {@code GET}. */
  public String body() {
    return body;
  }

  /** How long the client may wait for the response once the request is sent. */
  public Duration readTimeout() {
    return readTimeout;
  }
}
