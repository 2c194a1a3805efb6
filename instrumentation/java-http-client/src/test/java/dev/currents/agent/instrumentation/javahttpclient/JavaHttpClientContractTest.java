package dev.currents.agent.instrumentation.javahttpclient;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK's {@code java.net.http.HttpClient} ({@code send}), woven in this JVM, against the shared client contract.
 * It lives in the platform loader, which sees only the bootstrap loader's classes: the services file of this
 * module's tests registers {@code BootstrapBridgeListener}, as for HttpURLConnection.
 */
class JavaHttpClientContractTest extends ClientContract {

  JavaHttpClientContractTest() {
    super("java-http-client");
  }

  @Override
  protected ContractClient client() {
    HttpClient client = HttpClient.newHttpClient();
    return request -> client.send(jdkRequest(request), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest jdkRequest(ContractRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri())
            // The client's only timeout after connecting: for the response's headers, so a read timeout here.
            .timeout(request.readTimeout())
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach(builder::header);
    if (request.body() != null) {
      builder.header("Content-Type", "application/json");
    }
    return builder.build();
  }
}
