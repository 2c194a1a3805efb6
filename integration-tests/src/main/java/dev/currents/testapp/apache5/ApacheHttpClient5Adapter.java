package dev.currents.testapp.apache5;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Apache HttpClient 5 classic, {@code execute}, blocking, with its default retry strategy (which resends a 429 or
 * 503 once, after its {@code Retry-After}). {@code cancelAfterMs} calls {@code cancel()} on the request from
 * another thread.
 */
public class ApacheHttpClient5Adapter implements ClientAdapter, AutoCloseable {

  private final CloseableHttpClient client;

  /** The driver makes library adapters with an {@code async} flag: the async client is {@link ApacheHttpClient5AsyncAdapter}. */
  public ApacheHttpClient5Adapter(boolean async) {
    this(
        async,
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(50).setMaxConnTotal(100).build())
            .build());
  }

  /** The same calls through a client built otherwise (its own retry strategy, say). */
  protected ApacheHttpClient5Adapter(boolean async, CloseableHttpClient client) {
    if (async) {
      throw new IllegalArgumentException("the classic client is blocking");
    }
    this.client = client;
  }

  @Override
  public final int execute(Call call) throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(call.method, call.uri);
    request.setConfig(HttpClient5Requests.config(call));
    HttpClient5Requests.addHeaders(request, call);
    if (call.body != null) {
      request.setEntity(new StringEntity(call.body, HttpClient5Requests.JSON));
    }
    Cancellation.Pending cancel = Cancellation.after(call, request::cancel);
    try (CloseableHttpResponse response = client.execute(request)) {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    } finally {
      cancel.close();
    }
  }

  @Override
  public final void close() throws IOException {
    client.close();
  }
}
