package dev.currents.testapp.webclient;

import dev.currents.testapp.Call;
import dev.currents.testapp.reactornetty.OnReactorNetty;
import dev.currents.testapp.reactornetty.ReactorNettyClients;
import java.lang.reflect.Method;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * Spring's WebClient on its default connector, Reactor Netty (the shared client of {@link ReactorNettyClients}),
 * with the headers on the request as WebClient applications set them. A 4xx or 5xx is a status, read with
 * {@code exchangeToMono}; WebClient's own exceptions are unwrapped to what Reactor Netty raised.
 */
public final class WebClientAdapter extends OnReactorNetty {

  public WebClientAdapter(boolean async) {
    super(async);
  }

  @Override
  protected Mono<Integer> status(Call call) {
    WebClient client =
        WebClient.builder().clientConnector(new ReactorClientHttpConnector(ReactorNettyClients.forCall(call))).build();
    WebClient.RequestBodySpec request =
        client
            .method(HttpMethod.valueOf(call.method))
            .uri(call.uri)
            .headers(
                headers -> {
                  for (String[] header : call.headers) {
                    headers.add(header[0], header[1]);
                  }
                });
    WebClient.RequestHeadersSpec<?> withBody =
        call.body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body);
    return withBody
        .exchangeToMono(response -> response.releaseBody().then(Mono.fromCallable(() -> statusOf(response))))
        .onErrorMap(WebClientException.class, e -> e.getCause() != null ? e.getCause() : e);
  }

  /**
   * {@code statusCode().value()}: {@code statusCode()} returns {@code HttpStatus} up to Spring 5.3 and {@code
   * HttpStatusCode} from 6.0, a different method to the JVM, and 7.0 dropped {@code rawStatusCode()}.
   */
  private static int statusOf(ClientResponse response) throws ReflectiveOperationException {
    Method statusCode = ClientResponse.class.getMethod("statusCode");
    // value() of the declared type: the class of the object may not be public (DefaultHttpStatusCode).
    Method value = statusCode.getReturnType().getMethod("value");
    return (Integer) value.invoke(statusCode.invoke(response));
  }
}
