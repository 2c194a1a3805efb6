package dev.currents.testapp.armeria;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.UnprocessedRequestException;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.client.WebClientBuilder;
import com.linecorp.armeria.client.redirect.RedirectConfig;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import com.linecorp.armeria.common.SessionProtocol;
import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Armeria's {@code WebClient}, blocking on the aggregated response ({@code aggregate().join()}) or waiting on its
 * future; {@code cancelAfterMs} aborts the response from another thread in both. {@code timeoutMs} is the client
 * factory's connect timeout and the client's response timeout; {@code followRedirects} follows to any host and
 * scheme. {@code http2} leaves the protocol to Armeria (ALPN over TLS, HTTP/2 by prior knowledge in clear text, both
 * falling back to HTTP/1.1); without it the call is HTTP/1.1, by the scheme Armeria names it with ({@code h1},
 * {@code h1c}).
 */
public final class ArmeriaAdapter implements ClientAdapter, AutoCloseable {

  private final boolean async;
  /** One factory (connections, event loops) per connect timeout, shared by the clients that use it. */
  private final Map<Long, ClientFactory> factories = new ConcurrentHashMap<>();
  /** One client per configuration a call asks for, shared by the calls that ask for it, as in an application. */
  private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

  public ArmeriaAdapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    HttpResponse response = send(client(call), request(call));
    CompletableFuture<AggregatedHttpResponse> aggregated = response.aggregate();
    try {
      if (async) {
        return Cancellation.await(aggregated, call, response::abort).status().code();
      }
      try (Cancellation.Pending cancel = Cancellation.after(call, response::abort)) {
        return aggregated.join().status().code();
      }
    } catch (CompletionException | ExecutionException e) {
      throw unwrapped(e.getCause());
    }
  }

  /**
   * Armeria's context propagation (1.33 on) loads Micrometer's accessors with the context class loader as it starts,
   * which an application server sets to each application's own: so does the second copy of this application, whose
   * thread is the first copy's.
   */
  private static HttpResponse send(WebClient client, HttpRequest request) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ArmeriaAdapter.class.getClassLoader());
    try {
      return client.execute(request);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The request, to the call's URI with the scheme of its protocol. */
  private static HttpRequest request(Call call) throws Exception {
    URI uri = call.uri;
    String scheme = call.http2 ? uri.getScheme() : "https".equals(uri.getScheme()) ? "h1" : "h1c";
    URI target = new URI(scheme, uri.getRawAuthority(), null, null, null);
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    RequestHeadersBuilder headers = RequestHeaders.builder(HttpMethod.valueOf(call.method), target + path);
    for (String[] header : call.headers) {
      headers.add(header[0], header[1]);
    }
    if (call.body == null) {
      return HttpRequest.of(headers.build());
    }
    return HttpRequest.of(headers.contentType(MediaType.JSON).build(), HttpData.ofUtf8(call.body));
  }

  /** What went wrong, which Armeria wraps when no request went out ("unprocessed") or the future failed. */
  private static Exception unwrapped(Throwable failure) {
    Throwable cause =
        failure instanceof UnprocessedRequestException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof Exception ? (Exception) cause : new RuntimeException(cause);
  }

  private WebClient client(Call call) {
    long timeoutMs = call.timeout == null ? 0 : call.timeout.toMillis();
    String key = timeoutMs + "-" + call.followRedirects;
    return clients.computeIfAbsent(
        key,
        unused -> {
          WebClientBuilder builder = WebClient.builder().factory(factory(timeoutMs));
          if (call.timeout != null) {
            builder.responseTimeout(call.timeout);
          }
          if (call.followRedirects) {
            builder.followRedirects(
                RedirectConfig.builder()
                    .allowAllDomains()
                    .allowProtocols(SessionProtocol.HTTP, SessionProtocol.HTTPS)
                    .build());
          }
          return builder.build();
        });
  }

  private ClientFactory factory(long connectTimeoutMs) {
    return factories.computeIfAbsent(
        connectTimeoutMs,
        unused -> {
          // The simulated API's certificate is self-signed.
          var builder = ClientFactory.builder().tlsNoVerify();
          if (connectTimeoutMs > 0) {
            builder.connectTimeoutMillis(connectTimeoutMs);
          }
          return builder.build();
        });
  }

  @Override
  public void close() {
    factories.values().forEach(ClientFactory::close);
  }
}
