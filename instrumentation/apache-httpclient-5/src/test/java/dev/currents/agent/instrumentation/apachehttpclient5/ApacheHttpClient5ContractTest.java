package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5's classic {@code execute}, woven in this JVM, against the shared client contract. */
class ApacheHttpClient5ContractTest extends ClientContract {

  ApacheHttpClient5ContractTest() {
    super("apache-httpclient-5");
  }

  /**
   * Without automatic retries: the default strategy resends a 429 or 503 by itself, each resend an attempt of its
   * own, which the cross-JVM suite tests; the contract is about one request sent once.
   */
  @Override
  protected ContractClient client() {
    CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().build();
    return ContractClient.closing(client, request -> send(client, request));
  }

  private static int send(CloseableHttpClient client, ContractRequest request) throws IOException {
    try (CloseableHttpResponse response = client.execute(apacheRequest(request))) {
      // Read to the end, so that the connection goes back to the pool for the next request.
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    }
  }

  private static HttpUriRequestBase apacheRequest(ContractRequest request) {
    HttpUriRequestBase apache = new HttpUriRequestBase(request.method(), request.uri());
    apache.setConfig(
        RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(request.readTimeout().toMillis())).build());
    request.headers().forEach(apache::setHeader);
    if (request.body() != null) {
      apache.setEntity(new StringEntity(request.body(), ContentType.APPLICATION_JSON));
    }
    return apache;
  }
}
