package dev.currents.testapp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** {@code java.net.http.HttpClient}, with {@code send} or with {@code sendAsync}. */
final class JavaHttpClientAdapter implements ClientAdapter {

  private final boolean async;
  private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private final HttpClient notFollowing = HttpClient.newHttpClient();

  JavaHttpClientAdapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    HttpRequest.Builder request = request(call);
    HttpClient client = call.followRedirects ? following : notFollowing;
    if (!async) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    return Cancellation.await(future, call, () -> future.cancel(true)).statusCode();
  }

  /** The request a call describes: method, body, headers, timeout. */
  static HttpRequest.Builder request(Call call) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(call.uri)
            .method(
                call.method,
                call.body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(call.body));
    if (call.body != null) {
      request.header("Content-Type", "application/json");
    }
    for (String[] header : call.headers) {
      request.header(header[0], header[1]);
    }
    if (call.timeout != null) {
      request.timeout(call.timeout);
    }
    return request;
  }
}
