package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.HeaderGetter;
import io.micronaut.http.HttpHeaders;

/**
 * The headers of Micronaut's requests, for the bridge, where no Netty request was made of them (a hop whose
 * connection failed); a helper defined beside each copy.
 */
public final class MicronautHeaders implements HeaderGetter<HttpHeaders> {

  public static final MicronautHeaders INSTANCE = new MicronautHeaders();

  private MicronautHeaders() {}

  @Override
  public String first(HttpHeaders headers, String name) {
    return headers.get(name);
  }
}
