package dev.currents.testapp.asynchttpclient;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.asynchttpclient.AsyncCompletionHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.Response;

/**
 * AsyncHttpClient, blocking on the future {@code executeRequest} returns ({@code async-http-client}), or with an
 * {@code AsyncCompletionHandler}, which AHC runs on its Netty threads ({@code async-http-client-async}). {@code
 * cancelAfterMs} cancels the future from another thread; {@code callTimeoutMs} is the request's {@code
 * requestTimeout}. Written against 2.1.0, calling only what 2.0 to 3.0 share, but for the timeouts: they are
 * milliseconds up to 2.x and {@code Duration}s from 3.0, so they are set through whichever setter the version has.
 */
public final class AsyncHttpClientAdapter implements ClientAdapter, AutoCloseable {

  private final boolean async;
  /** One client per connect and read timeout, which AHC sets per client; each shared by the calls that use it. */
  private final Map<Long, AsyncHttpClient> clients = new ConcurrentHashMap<>();

  public AsyncHttpClientAdapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    RequestBuilder builder =
        new RequestBuilder(call.method).setUrl(call.uri.toString()).setFollowRedirect(call.followRedirects);
    for (String[] header : call.headers) {
      builder.addHeader(header[0], header[1]);
    }
    if (call.body != null) {
      builder.addHeader("Content-Type", "application/json").setBody(call.body);
    }
    if (call.callTimeout != null) {
      setTimeout(builder, "setRequestTimeout", call.callTimeout);
    }
    Request request = builder.build();
    AsyncHttpClient client = client(call);
    if (!async) {
      ListenableFuture<Response> response = client.executeRequest(request);
      try (Cancellation.Pending cancel = Cancellation.after(call, () -> response.cancel(true))) {
        return response.get().getStatusCode();
      }
    }
    CompletableFuture<Integer> status = new CompletableFuture<>();
    ListenableFuture<Integer> future =
        client.executeRequest(
            request,
            new AsyncCompletionHandler<Integer>() {
              @Override
              public Integer onCompleted(Response response) {
                status.complete(response.getStatusCode());
                return response.getStatusCode();
              }

              @Override
              public void onThrowable(Throwable failure) {
                status.completeExceptionally(failure);
              }
            });
    return Cancellation.await(status, call, () -> future.cancel(true));
  }

  private AsyncHttpClient client(Call call) {
    long timeout = call.timeout == null ? -1 : call.timeout.toMillis();
    return clients.computeIfAbsent(timeout, AsyncHttpClientAdapter::newClient);
  }

  private static AsyncHttpClient newClient(long timeoutMillis) {
    DefaultAsyncHttpClientConfig.Builder config = Dsl.config();
    if (timeoutMillis >= 0) {
      Duration timeout = Duration.ofMillis(timeoutMillis);
      setTimeout(config, "setConnectTimeout", timeout);
      setTimeout(config, "setReadTimeout", timeout);
    }
    return Dsl.asyncHttpClient(config);
  }

  /** Calls {@code name(int millis)} (2.x) or {@code name(Duration)} (3.0) on a builder. */
  private static void setTimeout(Object builder, String name, Duration timeout) {
    try {
      for (Method method : builder.getClass().getMethods()) {
        if (method.getName().equals(name) && method.getParameterCount() == 1) {
          Class<?> type = method.getParameterTypes()[0];
          if (type == int.class) {
            method.invoke(builder, (int) timeout.toMillis());
            return;
          }
          if (type == Duration.class) {
            method.invoke(builder, timeout);
            return;
          }
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no " + name + "(int) nor " + name + "(Duration) on " + builder.getClass());
  }

  @Override
  public void close() throws Exception {
    for (AsyncHttpClient client : clients.values()) {
      client.close();
    }
  }
}
