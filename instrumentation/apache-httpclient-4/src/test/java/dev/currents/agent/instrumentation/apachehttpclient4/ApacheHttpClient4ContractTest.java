package dev.currents.agent.instrumentation.apachehttpclient4;

import dev.currents.agent.testing.ClientContract;
import dev.currents.agent.testing.ContractClient;
import dev.currents.agent.testing.ContractRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4.5's classic {@code execute}, woven in this JVM, against the shared client contract. */
class ApacheHttpClient4ContractTest extends ClientContract {

  ApacheHttpClient4ContractTest() {
    super("apache-httpclient-4");
  }

  @Override
  protected ContractClient client() {
    CloseableHttpClient client = HttpClients.createDefault();
    return ContractClient.closing(client, request -> send(client, request));
  }

  private static int send(CloseableHttpClient client, ContractRequest request) throws IOException {
    try (CloseableHttpResponse response = client.execute(apacheRequest(request))) {
      // Read to the end, so that the connection goes back to the pool for the next request.
      EntityUtils.consume(response.getEntity());
      return response.getStatusLine().getStatusCode();
    }
  }

  private static HttpUriRequest apacheRequest(ContractRequest request) {
    RequestBuilder builder =
        RequestBuilder.create(request.method())
            .setUri(request.uri())
            .setConfig(RequestConfig.custom().setSocketTimeout((int) request.readTimeout().toMillis()).build());
    request.headers().forEach(builder::setHeader);
    if (request.body() != null) {
      builder.setEntity(new StringEntity(request.body(), ContentType.create("application/json", StandardCharsets.UTF_8)));
    }
    return builder.build();
  }
}
