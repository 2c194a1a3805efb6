package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.ParentHandover;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;

/**
 * The life of the attempts of one copy of the Vert.x client, for its advice; a helper defined beside each copy. A
 * request to a Currents host is watched while Vert.x connects for it ({@link ConnectionWatch}), its attempt starts
 * when its head is written, and ends with its response, its failure or its reset.
 */
public final class VertxRequests {

  public static final VertxRequests INSTANCE = new VertxRequests();

  private final OpenAttempts<HttpClientRequest> open = new OpenAttempts<>("Vert.x HttpClientRequest.reset()");
  /** Requests to a Currents host that are connected, until their head is written. */
  private final WeakIdentityMap<HttpClientRequest, ConnectionWatch> connected = new WeakIdentityMap<>();

  private VertxRequests() {}

  /**
   * Watches the connection Vert.x makes for a request, when it goes to a Currents host. The request's options name
   * the target, or leave it to the client's defaults, as Vert.x does.
   *
   * @param defaults the client's options, or null where Vert.x keeps them out of reach (5.x): there a request must
   *     name its host to be recorded, as the Web Client and the Quarkus REST client always do
   */
  public void watch(RequestOptions options, HttpClientOptions defaults, Future<HttpClientRequest> request) {
    String host = options.getHost() != null ? options.getHost() : defaults != null ? defaults.getDefaultHost() : null;
    if (host == null) {
      return;
    }
    int port =
        options.getPort() != null
            ? options.getPort()
            : defaults != null ? defaults.getDefaultPort() : HttpClientOptions.DEFAULT_DEFAULT_PORT;
    boolean ssl =
        options.isSsl() != null ? options.isSsl() : defaults != null ? defaults.isSsl() : HttpClientOptions.DEFAULT_SSL;
    String scheme = ssl ? "https" : "http";
    if (CurrentsRequests.isCurrents(scheme, host, port)) {
      request.onComplete(new ConnectionWatch(scheme, host, port, options)::handle);
    }
  }

  void connected(HttpClientRequest request, ConnectionWatch watch) {
    connected.put(request, watch);
  }

  /** 4.x: the head of a request is written, whose target it tells. */
  public void headWritten(HttpClientRequest request, String scheme, String host, int port) {
    ConnectionWatch watch = connected.isEmpty() ? null : connected.remove(request);
    open(request, scheme, host, port, watch);
  }

  /** 5.x: the head of a request is written, whose target only its connection's watch tells. */
  public void headWritten(HttpClientRequest request) {
    ConnectionWatch watch = connected.isEmpty() ? null : connected.remove(request);
    if (watch != null) {
      open(request, watch.scheme, watch.host, watch.port, watch);
    }
  }

  /**
   * Ends the attempt of a request with its response, and hands the attempt's parent over to the request Vert.x
   * makes next on this thread if it follows a redirect, which copies the request's headers: the attempt's own
   * {@code traceparent} is taken off them first. Returns what to give {@link ParentHandover#restore}.
   */
  public Object answer(HttpClientRequest request, HttpClientResponse response) {
    Attempt attempt = open.detach(request);
    if (attempt == null) {
      return ParentHandover.handOver(null);
    }
    CurrentsHeaders.withdraw(attempt, request.headers(), VertxHeaders.INSTANCE);
    CurrentsRequests.end(attempt, response.statusCode(), response.headers(), VertxHeaders.INSTANCE);
    return ParentHandover.handOver(attempt.parent());
  }

  public void fail(HttpClientRequest request, Throwable failure) {
    open.fail(request, failure);
  }

  /**
   * The request is reset: by its own timeout, a {@code timeout}; by whoever holds it, a cancellation, unless the
   * reset says it is a timeout (as the layers above Vert.x that enforce their own deadline do), maybe inside the
   * {@code StreamResetException} the public {@code reset} wraps it in.
   */
  public void reset(HttpClientRequest request, Throwable cause) {
    if (cause instanceof TimeoutException) {
      open.fail(request, cause);
    } else if (cause != null && cause.getCause() instanceof TimeoutException) {
      open.fail(request, cause.getCause());
    } else {
      open.cancel(request);
    }
  }

  /**
   * Starts the attempt of a request whose head is being written, a child of the application's span when the request
   * was made, else of the one current now: kept with the attempt, for a redirect Vert.x follows on its event loop.
   */
  private void open(HttpClientRequest request, String scheme, String host, int port, ConnectionWatch watch) {
    Object parent = watch != null && watch.parent != null ? watch.parent : CurrentsRequests.currentParent();
    MultiMap headers = request.headers();
    Attempt attempt = start(request.getMethod(), request.getURI(), scheme, host, port, headers, parent);
    CurrentsHeaders.propagate(attempt, headers, VertxHeaders.INSTANCE);
    open.open(request, attempt);
  }

  /** Starts the attempt of a request to {@code uri}, its path and query, or an absolute URI through a proxy. */
  static Attempt start(
      HttpMethod method, String uri, String scheme, String host, int port, MultiMap headers, Object parent) {
    int authority = uri.indexOf("://");
    int slash = authority < 0 ? 0 : uri.indexOf('/', authority + 3);
    int path = slash < 0 ? uri.length() : slash;
    int query = uri.indexOf('?', path);
    return CurrentsRequests.start(
        VertxHttpClientInstrumentation.CLIENT,
        method.name(),
        scheme,
        host,
        port,
        query < 0 ? uri.substring(path) : uri.substring(path, query),
        query < 0 ? null : uri.substring(query + 1),
        headers,
        VertxHeaders.INSTANCE,
        parent);
  }
}
