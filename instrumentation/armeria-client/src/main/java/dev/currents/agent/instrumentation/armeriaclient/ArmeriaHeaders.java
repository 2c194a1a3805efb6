package dev.currents.agent.instrumentation.armeriaclient;

import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.common.HttpHeaders;
import com.linecorp.armeria.common.HttpRequest;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.HeaderInjector;

/**
 * The headers of a request Armeria sends, for the bridge; a helper defined beside each copy. They are kept in three
 * places that Armeria merges as it writes the request's head: the context's additional headers over the request's
 * own, over the client's defaults (where {@code WebClientBuilder.auth} puts the credential). The request's headers
 * are immutable, so a header is added to the context's additional ones, which reach the wire and go with this
 * request only: a retry or a redirect hop gets a context of its own. One is taken off by replacing the context's
 * request with a copy without it, which the advice then sends.
 */
public final class ArmeriaHeaders implements HeaderInjector<ClientRequestContext> {

  public static final ArmeriaHeaders INSTANCE = new ArmeriaHeaders();

  /** The headers of a response. */
  static final HeaderGetter<HttpHeaders> RESPONSE = HttpHeaders::get;

  private ArmeriaHeaders() {}

  @Override
  public String first(ClientRequestContext context, String name) {
    String value = context.additionalRequestHeaders().get(name);
    if (value == null) {
      HttpRequest request = context.request();
      value = request == null ? null : request.headers().get(name);
    }
    return value != null ? value : context.defaultRequestHeaders().get(name);
  }

  @Override
  public ClientRequestContext with(ClientRequestContext context, String name, String value) {
    context.addAdditionalRequestHeader(name, value);
    return context;
  }

  @Override
  public void without(ClientRequestContext context, String name) {
    HttpRequest request = context.request();
    context.updateRequest(request.withHeaders(request.headers().toBuilder().removeAndThen(name).build()));
  }
}
