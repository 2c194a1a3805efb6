package dev.currents.testapp.reactornetty;

import dev.currents.testapp.Call;
import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import reactor.core.Exceptions;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty HttpClients as a call describes them, for Reactor Netty and what runs on it (WebClient). Written
 * against the API that Reactor Netty 1.0 to 1.3 share.
 */
public final class ReactorNettyClients {

  /**
   * One connection pool every call shares, as in an application (a connection the API resets must have been
   * used before). Larger than the default, whose pending-acquire queue is too short for 50 calls at once in 1.0.
   */
  private static final ConnectionProvider POOL =
      ConnectionProvider.builder("currents-it").maxConnections(100).build();

  private static final HttpClient SHARED = HttpClient.create(POOL);

  /**
   * HTTP/2 offered first by ALPN, on a pool of one connection, as a service that multiplexes its calls keeps it:
   * with a larger one, Reactor Netty opens another connection for many of the requests made at once.
   */
  private static final ConnectionProvider HTTP2_POOL =
      ConnectionProvider.builder("currents-it-h2").maxConnections(1).pendingAcquireMaxCount(-1).build();

  private static final HttpClient HTTP2 =
      HttpClient.create(HTTP2_POOL).protocol(HttpProtocol.H2, HttpProtocol.HTTP11).secure();

  private ReactorNettyClients() {}

  /**
   * The shared client, or for {@code http2} the shared HTTP/2 one, with the call's redirect policy and timeouts
   * (connect, and response after the request).
   */
  public static HttpClient forCall(Call call) {
    HttpClient client = (call.http2 ? HTTP2 : SHARED).followRedirect(call.followRedirects);
    if (call.timeout != null) {
      client =
          client
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) call.timeout.toMillis())
              .responseTimeout(call.timeout);
    }
    return client;
  }

  /**
   * What the application sees of a failure: the exception Reactor's {@code block()} wrapped, if it did. Netty's
   * refused connection is a {@code ConnectException} of its own class (AnnotatedConnectException, which adds the
   * address to the message): it is reported as the plain {@code ConnectException} it is, as the JDK clients do.
   */
  public static Exception unwrapped(Throwable failure) {
    Throwable unwrapped = Exceptions.unwrap(failure);
    if (unwrapped instanceof ConnectException && unwrapped.getClass() != ConnectException.class) {
      ConnectException plain = new ConnectException(unwrapped.getMessage());
      plain.initCause(unwrapped);
      return plain;
    }
    return unwrapped instanceof Exception ? (Exception) unwrapped : new RuntimeException(unwrapped);
  }

  /** Closes the pooled connections, as an application does when it stops. */
  public static void shutDown() {
    POOL.dispose();
    HTTP2_POOL.dispose();
  }
}
