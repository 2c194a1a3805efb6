package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.bootstrap.CurrentsRequests;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;

/**
 * One request to a Currents host while Vert.x connects for it, on the application's thread: its target and the
 * application's span then. A connection that fails is the attempt, recorded here; one that succeeds hands both to
 * the request object, whose head the application writes later, often on an event loop where no span is current.
 *
 * <p>It is no {@code Handler} itself: the agent reads each helper's class file through its {@code Class}, and a class
 * that implements a library type cannot be loaded where the library is not.
 */
public final class ConnectionWatch {

  final String scheme;
  final String host;
  final int port;
  final Object parent;
  private final RequestOptions options;

  ConnectionWatch(String scheme, String host, int port, RequestOptions options) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.options = options;
    this.parent = CurrentsRequests.currentParent();
  }

  void handle(AsyncResult<HttpClientRequest> connected) {
    if (connected.succeeded()) {
      VertxRequests.INSTANCE.connected(connected.result(), this);
      return;
    }
    CurrentsRequests.fail(
        VertxRequests.start(
            options.getMethod(), options.getURI(), scheme, host, port, options.getHeaders(), parent),
        connected.cause());
  }
}
