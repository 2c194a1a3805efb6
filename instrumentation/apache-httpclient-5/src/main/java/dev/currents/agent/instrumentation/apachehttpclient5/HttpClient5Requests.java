package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.HeaderInjector;
import dev.currents.agent.instrumentation.apachehttpclient5.bootstrap.HttpClient5Attempts;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

/**
 * The start of an attempt of the classic and the async client alike, from the request HttpClient 5 made for it (a
 * copy of the application's, so a header added to it goes with this attempt only); a helper defined beside each
 * copy of HttpClient.
 */
public final class HttpClient5Requests implements HeaderInjector<HttpRequest> {

  private static final HttpClient5Requests INSTANCE = new HttpClient5Requests();

  private HttpClient5Requests() {}

  /**
   * Starts the attempt of {@code request} to a Currents host, with {@code traceparent} added when propagating.
   *
   * @param parent the parent of the attempt's span, null for the one current here
   */
  public static Attempt start(HttpRequest request, HttpHost target, Object parent) {
    Attempt attempt =
        HttpClient5Attempts.start(
            request.getMethod(),
            target.getSchemeName(),
            target.getHostName(),
            target.getPort(),
            request.getPath(),
            request,
            HttpClient5Messages.INSTANCE,
            parent);
    CurrentsHeaders.propagate(attempt, request, INSTANCE);
    return attempt;
  }

  @Override
  public String first(HttpRequest request, String name) {
    return HttpClient5Messages.INSTANCE.first(request, name);
  }

  @Override
  public HttpRequest with(HttpRequest request, String name, String value) {
    request.addHeader(name, value);
    return request;
  }
}
