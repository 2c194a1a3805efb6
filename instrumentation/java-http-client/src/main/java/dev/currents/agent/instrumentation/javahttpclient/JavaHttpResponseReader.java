package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.bootstrap.ResponseReader;
import java.net.http.HttpResponse;

/** Reads {@code java.net.http.HttpResponse}, which the bootstrap loader cannot see. */
final class JavaHttpResponseReader implements ResponseReader {

  @Override
  public int status(Object response) {
    return ((HttpResponse<?>) response).statusCode();
  }

  @Override
  public String header(Object response, String name) {
    return ((HttpResponse<?>) response).headers().firstValue(name).orElse(null);
  }
}
