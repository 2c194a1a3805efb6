package dev.currents.testapp.apache5;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.io.CloseMode;

/**
 * Apache HttpClient 5 async, with its default retry strategy: {@code execute(SimpleHttpRequest, FutureCallback)},
 * or ({@code producerConsumer}) the request producer and response consumer form. The callback runs on an I/O
 * reactor thread. {@code cancelAfterMs} cancels the returned {@code Future}.
 */
public final class ApacheHttpClient5AsyncAdapter implements ClientAdapter, AutoCloseable {

  private final CloseableHttpAsyncClient client =
      HttpAsyncClients.custom()
          .setConnectionManager(
              PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnPerRoute(50).setMaxConnTotal(100).build())
          .build();
  private final boolean producerConsumer;

  /** The driver's flag chooses the form of {@code execute}: with a request producer and a response consumer. */
  public ApacheHttpClient5AsyncAdapter(boolean producerConsumer) {
    this.producerConsumer = producerConsumer;
    client.start();
  }

  @Override
  public int execute(Call call) throws Exception {
    SimpleHttpRequest request = new SimpleHttpRequest(call.method, call.uri);
    request.setConfig(HttpClient5Requests.config(call));
    HttpClient5Requests.addHeaders(request, call);
    if (call.body != null) {
      request.setBody(call.body, HttpClient5Requests.JSON);
    }
    CompletableFuture<Integer> status = new CompletableFuture<>();
    FutureCallback<SimpleHttpResponse> callback =
        new FutureCallback<>() {
          @Override
          public void completed(SimpleHttpResponse response) {
            status.complete(response.getCode());
          }

          @Override
          public void failed(Exception e) {
            status.completeExceptionally(e);
          }

          @Override
          public void cancelled() {
            status.cancel(false);
          }
        };
    Future<SimpleHttpResponse> future =
        producerConsumer
            ? client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), callback)
            : client.execute(request, callback);
    return Cancellation.await(status, call, () -> future.cancel(true));
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
