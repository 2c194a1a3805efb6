package dev.currents.testapp.apache5;

import dev.currents.testapp.Call;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;

/** What the classic and the async adapters of HttpClient 5 set alike on a request, written against the 5.0 API. */
final class HttpClient5Requests {

  static final ContentType JSON = ContentType.APPLICATION_JSON;

  private HttpClient5Requests() {}

  /** The call's redirect policy and timeouts (connect, and response: the read timeout). */
  static RequestConfig config(Call call) {
    RequestConfig.Builder config = RequestConfig.custom().setRedirectsEnabled(call.followRedirects);
    if (call.timeout != null) {
      long millis = call.timeout.toMillis();
      config.setConnectTimeout(millis, TimeUnit.MILLISECONDS).setResponseTimeout(millis, TimeUnit.MILLISECONDS);
    }
    return config.build();
  }

  static void addHeaders(HttpRequest request, Call call) {
    for (String[] header : call.headers) {
      request.addHeader(header[0], header[1]);
    }
  }
}
