package dev.currents.testapp.apache4;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.io.IOException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultServiceUnavailableRetryStrategy;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * Apache HttpClient 4.5 with {@code execute}, blocking: the library has no asynchronous API of its own (that is
 * the separate HttpAsyncClient). {@code cancelAfterMs} calls {@code abort()} on the request from another thread.
 * One client with a shared pool, as in an application, with its default retry handler (I/O failures) and a
 * service-unavailable retry strategy, which resends a 503 once after a second.
 */
public final class ApacheHttpClient4Adapter implements ClientAdapter, AutoCloseable {

  private final CloseableHttpClient client =
      HttpClients.custom()
          .setMaxConnPerRoute(50)
          .setMaxConnTotal(100)
          .setServiceUnavailableRetryStrategy(new DefaultServiceUnavailableRetryStrategy(1, 1000))
          .build();

  /** The driver makes library adapters with an {@code async} flag; this library has one way of calling. */
  public ApacheHttpClient4Adapter(boolean async) {
    if (async) {
      throw new IllegalArgumentException("Apache HttpClient 4 has no asynchronous API");
    }
  }

  @Override
  public int execute(Call call) throws IOException {
    HttpUriRequest request = request(call);
    Cancellation.Pending cancel = Cancellation.after(call, request::abort);
    try (CloseableHttpResponse response = client.execute(request)) {
      EntityUtils.consume(response.getEntity());
      return response.getStatusLine().getStatusCode();
    } finally {
      cancel.close();
    }
  }

  private static HttpUriRequest request(Call call) {
    RequestConfig.Builder config = RequestConfig.custom().setRedirectsEnabled(call.followRedirects);
    if (call.timeout != null) {
      int millis = (int) call.timeout.toMillis();
      config.setConnectTimeout(millis).setSocketTimeout(millis);
    }
    RequestBuilder request = RequestBuilder.create(call.method).setUri(call.uri).setConfig(config.build());
    for (String[] header : call.headers) {
      request.addHeader(header[0], header[1]);
    }
    if (call.body != null) {
      request.setEntity(new StringEntity(call.body, ContentType.APPLICATION_JSON));
    }
    return request.build();
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
