package dev.currents.testapp.feign;

import dev.currents.testapp.Call;
import dev.currents.testapp.ClientAdapter;
import dev.currents.testapp.LayerOutcome;
import feign.Client;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.Retryer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenFeign on its default {@code Client.Default} (HttpURLConnection), blocking. A status other than 2xx becomes a
 * {@code FeignException} that carries it, and an I/O failure a {@code RetryableException} around it
 * ({@link LayerOutcome}). Feign's default {@code Retryer} resends on I/O failures and on an answer with
 * {@code Retry-After} (a 429, a 503), each resend an attempt of its own: the client suite, whose cases expect one
 * request per call, turns it off ({@code NEVER_RETRY}), as applications that retry elsewhere do; BackoffIT keeps it.
 */
public class FeignAdapter implements ClientAdapter {

  private static final int DEFAULT_TIMEOUT_MS = 10_000;

  private final Retryer retryer;
  /** Feign's client underneath; null for its default, {@code Client.Default}. */
  private final Client client;

  /** {@code ownRetries}: Feign's default {@code Retryer}, else none. */
  public FeignAdapter(boolean ownRetries) {
    this(ownRetries, null);
  }

  protected FeignAdapter(boolean ownRetries, Client client) {
    this.retryer = ownRetries ? new Retryer.Default() : Retryer.NEVER_RETRY;
    this.client = client;
  }

  @Override
  public int execute(Call call) throws Exception {
    long timeoutMs = call.timeout == null ? DEFAULT_TIMEOUT_MS : call.timeout.toMillis();
    Feign.Builder builder = client == null ? Feign.builder() : Feign.builder().client(client);
    CurrentsApi api =
        builder
            .options(new Request.Options(timeoutMs, TimeUnit.MILLISECONDS, timeoutMs, TimeUnit.MILLISECONDS, call.followRedirects))
            .retryer(retryer)
            // Feign decodes a 2xx only; the body is of no interest here, its status is.
            .decoder((response, type) -> response.status())
            .target(CurrentsApi.class, call.uri.resolve("/").toString());
    Map<String, Object> headers = new LinkedHashMap<>();
    for (String[] header : call.headers) {
      headers.put(header[0], header[1]);
    }
    try {
      return send(api, call, headers);
    } catch (FeignException e) {
      return LayerOutcome.statusOrRethrow(e, FeignAdapter::statusOf, FeignException.class);
    }
  }

  private static int send(CurrentsApi api, Call call, Map<String, Object> headers) {
    String body = call.body == null ? "" : call.body;
    switch (call.method) {
      case "GET":
        return api.get(call.uri, headers);
      case "DELETE":
        return api.delete(call.uri, headers);
      case "POST":
        return api.post(call.uri, headers, body);
      case "PUT":
        return api.put(call.uri, headers, body);
      default:
        throw new IllegalArgumentException("no Feign method for " + call.method);
    }
  }

  private static int statusOf(Throwable thrown) {
    return thrown instanceof FeignException ? ((FeignException) thrown).status() : -1;
  }
}
