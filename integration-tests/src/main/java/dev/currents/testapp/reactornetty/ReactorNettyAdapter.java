package dev.currents.testapp.reactornetty;

import dev.currents.testapp.Call;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/** Reactor Netty's HttpClient: headers on the client, a JSON body when the call has one, the status of the response. */
public final class ReactorNettyAdapter extends OnReactorNetty {

  public ReactorNettyAdapter(boolean async) {
    super(async);
  }

  @Override
  protected Mono<Integer> status(Call call) {
    HttpClient client =
        ReactorNettyClients.forCall(call)
            .headers(
                headers -> {
                  for (String[] header : call.headers) {
                    headers.add(header[0], header[1]);
                  }
                  if (call.body != null) {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
                  }
                });
    HttpClient.RequestSender request = client.request(HttpMethod.valueOf(call.method)).uri(call.uri.toString());
    HttpClient.ResponseReceiver<?> sent =
        call.body == null ? request : request.send(ByteBufFlux.fromString(Mono.just(call.body)));
    return sent.responseSingle(
        (response, body) -> body.asString().defaultIfEmpty("").map(unused -> response.status().code()));
  }
}
