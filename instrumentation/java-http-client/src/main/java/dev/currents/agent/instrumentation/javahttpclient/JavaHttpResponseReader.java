package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.bootstrap.ResponseReader;
import java.net.http.HttpResponse;

/** Reads {@code java.net.http.HttpResponse}, which the bootstrap loader cannot see. */
final class JavaHttpResponseReader implements ResponseReader<HttpResponse<?>> {

  @Override
  public int status(HttpResponse<?> response) {
    return response.statusCode();
  }

  @Override
  public String first(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse(null);
  }
}
