package dev.currents.testapp.google;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpBackOffUnsuccessfulResponseHandler;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestFactory;
import com.google.api.client.http.HttpResponse;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.util.ExponentialBackOff;
import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import java.io.IOException;

/**
 * Google's HTTP Client Library for Java retrying by itself, as its users set it up: an
 * {@code HttpBackOffUnsuccessfulResponseHandler} with the default {@code ExponentialBackOff} (500 ms, x1.5,
 * randomization factor 0.5), told to back off on 429 as well as 5xx, on {@code NetHttpTransport}, which sends
 * through {@code HttpURLConnection}. Each resend is an attempt of that client.
 */
public final class GoogleHttpClientRetryingAdapter implements ClientAdapter {

  private final HttpRequestFactory requests = new NetHttpTransport().createRequestFactory();

  /** The driver makes library adapters with an {@code async} flag; this one is blocking. */
  public GoogleHttpClientRetryingAdapter(boolean async) {
    if (async) {
      throw new IllegalArgumentException("google-http-client's execute() is blocking");
    }
  }

  @Override
  public int execute(Call call) throws IOException {
    HttpRequest request = requests.buildRequest(call.method, new GenericUrl(call.uri), null);
    HttpHeaders headers = request.getHeaders();
    for (String[] header : call.headers) {
      headers.set(header[0], header[1]);
    }
    request.setUnsuccessfulResponseHandler(
        new HttpBackOffUnsuccessfulResponseHandler(new ExponentialBackOff())
            .setBackOffRequired(response -> response.getStatusCode() == 429 || response.getStatusCode() / 100 == 5));
    request.setThrowExceptionOnExecuteError(false);
    HttpResponse response = request.execute();
    try {
      return response.getStatusCode();
    } finally {
      response.disconnect();
    }
  }
}
