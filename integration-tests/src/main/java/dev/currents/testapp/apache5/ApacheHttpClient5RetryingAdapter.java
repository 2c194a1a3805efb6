package dev.currents.testapp.apache5;

import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.util.TimeValue;

/**
 * Apache HttpClient 5 classic with its own retry strategy set to three retries:
 * {@code new DefaultHttpRequestRetryStrategy(3, TimeValue.ofSeconds(1))}, which resends a 429 or 503 after its
 * {@code Retry-After} (1 s without one). The library's retry, not the application's: the attempts happen inside
 * one {@code execute}.
 */
public final class ApacheHttpClient5RetryingAdapter extends ApacheHttpClient5Adapter {

  public ApacheHttpClient5RetryingAdapter(boolean async) {
    super(async,
        HttpClients.custom().setRetryStrategy(new DefaultHttpRequestRetryStrategy(3, TimeValue.ofSeconds(1))).build());
  }
}
