package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.StringContentProvider;

/**
 * Jetty's {@code HttpClient} 9.4 ({@code send()}), woven in this JVM, against the shared client contract: each
 * exchange is an attempt, ended on Jetty's threads.
 */
class JettyContractTest extends ClientContract {

  JettyContractTest() {
    super("jetty-httpclient");
  }

  @Override
  protected ContractClient client() throws Exception {
    HttpClient client = new HttpClient();
    client.start();
    return ContractClient.closing(client::stop, request -> send(client, request));
  }

  /** Throws what Jetty failed with, as an application unwrapping {@code send()}'s exception sees it. */
  private static int send(HttpClient client, ContractRequest request) throws Exception {
    Request jetty =
        client
            .newRequest(request.uri())
            .method(request.method())
            // Jetty's read timeout: how long the connection may stay idle waiting for the response.
            .idleTimeout(request.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    request.headers().forEach(jetty::header);
    if (request.body() != null) {
      jetty.content(new StringContentProvider(request.body()), "application/json");
    }
    try {
      return jetty.send().getStatus();
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }
}
