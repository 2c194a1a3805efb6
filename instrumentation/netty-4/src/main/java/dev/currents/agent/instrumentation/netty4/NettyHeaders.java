package dev.currents.agent.instrumentation.netty4;

import dev.currents.agent.bootstrap.HeaderInjector;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The headers of the Netty requests and responses that clients built on Netty send and read, for the bridge; a
 * helper defined beside each copy of the client (and so of Netty) by every instrumentation that lists it.
 */
public final class NettyHeaders implements HeaderInjector<HttpHeaders> {

  public static final NettyHeaders INSTANCE = new NettyHeaders();

  private NettyHeaders() {}

  @Override
  public String first(HttpHeaders headers, String name) {
    return headers.get(name);
  }

  @Override
  public HttpHeaders with(HttpHeaders headers, String name, String value) {
    return headers.set(name, value);
  }

  /** For Micronaut, whose requests share their headers with the application's request, which a redirect copies. */
  @Override
  public void without(HttpHeaders headers, String name) {
    headers.remove(name);
  }
}
