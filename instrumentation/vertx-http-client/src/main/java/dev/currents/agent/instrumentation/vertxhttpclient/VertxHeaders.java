package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.bootstrap.HeaderInjector;
import io.vertx.core.MultiMap;

/**
 * The headers of Vert.x's requests, request options and responses, for the bridge; a helper defined beside each copy.
 * The options of a request may have none.
 */
public final class VertxHeaders implements HeaderInjector<MultiMap> {

  public static final VertxHeaders INSTANCE = new VertxHeaders();

  private VertxHeaders() {}

  @Override
  public String first(MultiMap headers, String name) {
    return headers == null ? null : headers.get(name);
  }

  @Override
  public MultiMap with(MultiMap headers, String name, String value) {
    headers.set(name, value);
    return headers;
  }

  @Override
  public void without(MultiMap headers, String name) {
    headers.remove(name);
  }
}
