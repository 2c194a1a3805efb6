package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/** The Vert.x HttpClient's request, send and response body, woven in this JVM, against the shared client contract. */
class VertxHttpClientContractTest extends ClientContract {

  VertxHttpClientContractTest() {
    super("vertx-http-client");
  }

  @Override
  protected ContractClient client() {
    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient();
    return ContractClient.closing(
        () -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS),
        request -> send(client, request));
  }

  private static int send(HttpClient client, ContractRequest request) throws Exception {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(request.method()))
            .setAbsoluteURI(request.uri().toString())
            .setIdleTimeout(request.readTimeout().toMillis());
    request.headers().forEach(options::putHeader);
    Future<HttpClientResponse> response =
        client
            .request(options)
            .compose(sent -> request.body() == null ? sent.send() : sent.send(request.body()))
            // Read to the end, so that the connection goes back to the pool for the next request.
            .compose(received -> received.body().map(body -> received));
    return response.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode();
  }
}
