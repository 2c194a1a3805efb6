package dev.currents.agent.instrumentation.apachehttpclient4;

import dev.currents.agent.bootstrap.HeaderInjector;
import org.apache.http.client.methods.HttpRequestWrapper;

/**
 * Adds a header to the copy of the application's request that HttpClient 4 makes for each attempt; a helper
 * defined beside each copy. Whether the request carries the header already, the application's original tells: the
 * copy of a redirect or retry is made afresh from it.
 */
public final class HttpClient4Attempts implements HeaderInjector<HttpRequestWrapper> {

  public static final HttpClient4Attempts INSTANCE = new HttpClient4Attempts();

  private HttpClient4Attempts() {}

  @Override
  public String first(HttpRequestWrapper request, String name) {
    return HttpClient4Messages.INSTANCE.first(request.getOriginal(), name);
  }

  @Override
  public HttpRequestWrapper with(HttpRequestWrapper request, String name, String value) {
    request.setHeader(name, value);
    return request;
  }
}
