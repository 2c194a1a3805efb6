package dev.currents.testapp.vertx;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Vert.x {@code HttpClient}, composing its futures as an application does ({@code vertx-http-client}), and the
 * Vert.x Web Client on it ({@code vertx-web-client}). {@code timeoutMs} is the client's connect timeout and the
 * request's timeout; {@code cancelAfterMs} resets the request from another thread; {@code http2} asks for HTTP/2 by
 * ALPN. Written against 4.5, calling only
 * what 4.1 to 5.x share, but for the two methods whose return type 5.0 changed, called by name.
 */
public final class VertxAdapter implements ClientAdapter, AutoCloseable {

  private final boolean webClient;
  private final Vertx vertx = Vertx.vertx();
  /**
   * One client per connect timeout and protocol, which Vert.x sets per client; each shared by the calls that use it.
   */
  private final Map<String, HttpClient> httpClients = new ConcurrentHashMap<>();
  private final Map<String, WebClient> webClients = new ConcurrentHashMap<>();

  public VertxAdapter(boolean webClient) {
    this.webClient = webClient;
  }

  @Override
  public int execute(Call call) throws Exception {
    return webClient ? throughWebClient(call) : throughHttpClient(call);
  }

  private int throughHttpClient(Call call) throws Exception {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.valueOf(call.method))
            .setAbsoluteURI(call.uri.toString())
            .setFollowRedirects(call.followRedirects);
    for (String[] header : call.headers) {
      options.addHeader(header[0], header[1]);
    }
    if (call.timeout != null) {
      options.setTimeout(call.timeout.toMillis());
    }
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    Future<Integer> status =
        httpClient(call)
            .request(options)
            .compose(
                request -> {
                  sent.set(request);
                  return call.body == null
                      ? request.send()
                      : request.putHeader("Content-Type", "application/json").send(call.body);
                })
            .compose(response -> response.body().map(body -> response.statusCode()));
    return Cancellation.await(status.toCompletionStage().toCompletableFuture(), call, () -> reset(sent.get()));
  }

  private int throughWebClient(Call call) throws Exception {
    HttpRequest<Buffer> request =
        webClient(call).requestAbs(HttpMethod.valueOf(call.method), call.uri.toString())
            .followRedirects(call.followRedirects);
    for (String[] header : call.headers) {
      request.putHeader(header[0], header[1]);
    }
    if (call.timeout != null) {
      request.timeout(call.timeout.toMillis());
    }
    Future<Integer> status =
        (call.body == null
                ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(call.body)))
            .map(response -> response.statusCode());
    return status.toCompletionStage().toCompletableFuture().get();
  }

  private HttpClient httpClient(Call call) {
    return httpClients.computeIfAbsent(
        clientKey(call),
        key -> {
          try {
            // HttpClient up to 4.x, HttpClientAgent from 5.0.
            return (HttpClient)
                Vertx.class.getMethod("createHttpClient", HttpClientOptions.class)
                    .invoke(vertx, configure(new HttpClientOptions(), call));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private WebClient webClient(Call call) {
    return webClients.computeIfAbsent(
        clientKey(call), key -> WebClient.create(vertx, configure(new WebClientOptions(), call)));
  }

  private static String clientKey(Call call) {
    return (call.timeout == null ? 0 : call.timeout.toMillis()) + (call.http2 ? "-h2" : "");
  }

  private static <O extends HttpClientOptions> O configure(O options, Call call) {
    if (call.timeout != null) {
      options.setConnectTimeout((int) call.timeout.toMillis());
    }
    if (call.http2) {
      options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true);
    }
    return options;
  }

  /** {@code HttpClientRequest.reset()}: a boolean up to 4.x, a future from 5.0. */
  private static void reset(HttpClientRequest request) {
    if (request == null) {
      return;
    }
    try {
      HttpClientRequest.class.getMethod("reset").invoke(request);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
