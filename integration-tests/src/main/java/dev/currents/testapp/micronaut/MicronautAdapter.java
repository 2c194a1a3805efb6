package dev.currents.testapp.micronaut;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.HttpVersionSelection;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.ssl.ClientSslConfiguration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The Micronaut HTTP client, blocking ({@code toBlocking().exchange}) or reactive (the {@code exchange} publisher
 * subscribed with callbacks, disposed of on {@code cancelAfterMs}). A 4xx or 5xx, which Micronaut throws as an
 * {@code HttpClientResponseException}, is a status. {@code timeoutMs} is the client's connect and read timeout;
 * {@code http2} offers HTTP/2 by ALPN over TLS, and upgrades to it in clear text.
 */
public final class MicronautAdapter implements ClientAdapter, AutoCloseable {

  private final boolean async;
  /** One client per configuration a call asks for, shared by the calls that ask for it, as in an application. */
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  public MicronautAdapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    MutableHttpRequest<String> request = HttpRequest.create(HttpMethod.parse(call.method), call.uri.toString());
    for (String[] header : call.headers) {
      request.header(header[0], header[1]);
    }
    if (call.body != null) {
      request.body(call.body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
    HttpClient client = client(call);
    return async ? subscribe(client, request, call) : block(client, request);
  }

  private static int block(HttpClient client, HttpRequest<String> request) throws Exception {
    try {
      return client.toBlocking().exchange(request, String.class).code();
    } catch (HttpClientResponseException e) {
      return e.code();
    } catch (HttpClientException e) {
      throw unwrapped(e);
    }
  }

  private static int subscribe(HttpClient client, HttpRequest<String> request, Call call) throws Exception {
    CompletableFuture<Integer> outcome = new CompletableFuture<>();
    Disposable subscription =
        Mono.from(client.exchange(request, String.class))
            .subscribe(
                response -> outcome.complete(response.code()),
                failure -> {
                  if (failure instanceof HttpClientResponseException) {
                    outcome.complete(((HttpClientResponseException) failure).code());
                  } else {
                    outcome.completeExceptionally(failure instanceof HttpClientException
                        ? unwrapped((HttpClientException) failure) : failure);
                  }
                });
    return Cancellation.awaitSubscription(outcome, call, subscription::dispose);
  }

  /** What went wrong, which Micronaut wraps in an exception of its own ("Connect Error: ..."), if it did. */
  private static Exception unwrapped(HttpClientException e) {
    return e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
  }

  private HttpClient client(Call call) {
    String key = (call.timeout == null ? 0 : call.timeout.toMillis()) + "-" + call.followRedirects + "-" + call.http2;
    return clients.computeIfAbsent(key, unused -> create(configuration(call)));
  }

  /**
   * Micronaut finds its client factory with the context class loader, which an application server sets to each
   * application's own: so does the second copy of this application, whose thread is the first copy's.
   */
  private static HttpClient create(DefaultHttpClientConfiguration configuration) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(MicronautAdapter.class.getClassLoader());
    try {
      return HttpClient.create(null, configuration);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static DefaultHttpClientConfiguration configuration(Call call) {
    DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
    configuration.setFollowRedirects(call.followRedirects);
    if (call.timeout != null) {
      configuration.setConnectTimeout(call.timeout);
      configuration.setReadTimeout(call.timeout);
    }
    // The simulated API's certificate is self-signed.
    ClientSslConfiguration ssl = new ClientSslConfiguration();
    ssl.setInsecureTrustAllCertificates(true);
    configuration.setSslConfiguration(ssl);
    if (call.http2) {
      configuration.setAlpnModes(List.of("h2", "http/1.1"));
      configuration.setPlaintextMode(HttpVersionSelection.PlaintextMode.H2C);
    }
    return configuration;
  }

  @Override
  public void close() {
    clients.values().forEach(HttpClient::close);
  }
}
