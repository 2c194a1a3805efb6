package dev.currents.agent.instrumentation.reactornetty;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Reactor Netty's {@code HttpClient} ({@code block()}), woven in this JVM, against the shared client contract: each
 * try starts and ends on an event loop.
 */
class ReactorNettyContractTest extends ClientContract {

  ReactorNettyContractTest() {
    super("reactor-netty");
  }

  @Override
  protected ContractClient client() {
    HttpClient client = HttpClient.create();
    return request -> send(client, request);
  }

  private static int send(HttpClient client, ContractRequest request) {
    HttpClient configured =
        client
            .responseTimeout(request.readTimeout())
            .headers(headers -> request.headers().forEach(headers::set));
    HttpClient.RequestSender sender =
        configured.request(HttpMethod.valueOf(request.method())).uri(request.uri().toString());
    HttpClient.ResponseReceiver<?> receiver =
        request.body() == null ? sender : sender.send(ByteBufFlux.fromString(Mono.just(request.body())));
    return receiver.responseSingle((response, body) -> Mono.just(response.status().code())).block();
  }
}
