package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.bootstrap.HeaderInjector;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the headers of a {@code java.net.http.HttpRequest} and adds one to it. It is immutable: the request to send becomes a copy
 * with the header. The copy is made as JDK 16's {@code HttpRequest.newBuilder(request, filter)} makes it,
 * spelled out for Java 11: a request without a body publisher stays without one, so GET and DELETE are sent
 * exactly as before.
 */
final class JavaHttpRequestHeaders implements HeaderInjector<HttpRequest> {

  @Override
  public String first(HttpRequest request, String name) {
    return request.headers().firstValue(name).orElse(null);
  }

  @Override
  public HttpRequest with(HttpRequest request, String name, String value) {
    return copyOf(request).header(name, value).build();
  }

  private static HttpRequest.Builder copyOf(HttpRequest request) {
    HttpRequest.Builder copy = HttpRequest.newBuilder(request.uri()).expectContinue(request.expectContinue());
    for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
      for (String value : header.getValue()) {
        copy.header(header.getKey(), value);
      }
    }
    request.version().ifPresent(copy::version);
    request.timeout().ifPresent(copy::timeout);
    Optional<HttpRequest.BodyPublisher> body = request.bodyPublisher();
    if (body.isPresent()) {
      copy.method(request.method(), body.get());
    } else if (request.method().equals("GET")) {
      copy.GET();
    } else if (request.method().equals("DELETE")) {
      copy.DELETE();
    } else {
      copy.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return copy;
  }
}
