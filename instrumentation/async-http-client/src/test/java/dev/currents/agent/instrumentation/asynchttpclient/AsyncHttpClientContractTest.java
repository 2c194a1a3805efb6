package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.util.concurrent.ExecutionException;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;

/**
 * AsyncHttpClient, woven in this JVM, against the shared client contract: {@code executeRequest(...).get()}, whose
 * attempts start on the caller's thread and end on Netty's.
 */
class AsyncHttpClientContractTest extends ClientContract {

  AsyncHttpClientContractTest() {
    super("async-http-client");
  }

  @Override
  protected ContractClient client() {
    AsyncHttpClient client = new DefaultAsyncHttpClient();
    return ContractClient.closing(client, request -> send(client, request));
  }

  /** Blocks on the future, and throws what AHC failed with, as an application calling {@code get()} sees it. */
  private static int send(AsyncHttpClient client, ContractRequest request) throws Exception {
    try {
      return client.executeRequest(ahcRequest(request)).get().getStatusCode();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  private static Request ahcRequest(ContractRequest request) {
    RequestBuilder builder =
        new RequestBuilder(request.method())
            .setUrl(request.uri().toString())
            .setReadTimeout((int) request.readTimeout().toMillis());
    request.headers().forEach(builder::setHeader);
    if (request.body() != null) {
      builder.setHeader("Content-Type", "application/json").setBody(request.body());
    }
    return builder.build();
  }
}
