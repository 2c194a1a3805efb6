package dev.currents.testapp.apache5;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import java.io.IOException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;

/**
 * Apache HttpClient 5 classic with its own retry strategy set to three retries:
 * {@code new DefaultHttpRequestRetryStrategy(3, TimeValue.ofSeconds(1))}, which resends a 429 or 503 after its
 * {@code Retry-After} (1 s without one). The library's retry, not the application's: the attempts happen inside
 * one {@code execute}.
 */
public final class ApacheHttpClient5RetryingAdapter implements ClientAdapter, AutoCloseable {

  private final CloseableHttpClient client =
      HttpClients.custom().setRetryStrategy(new DefaultHttpRequestRetryStrategy(3, TimeValue.ofSeconds(1))).build();

  /** The driver makes library adapters with an {@code async} flag; this one is blocking. */
  public ApacheHttpClient5RetryingAdapter(boolean async) {
    if (async) {
      throw new IllegalArgumentException("the classic client is blocking");
    }
  }

  @Override
  public int execute(Call call) throws IOException {
    HttpUriRequestBase request = new HttpUriRequestBase(call.method, call.uri);
    HttpClient5Requests.addHeaders(request, call);
    try (CloseableHttpResponse response = client.execute(request)) {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
