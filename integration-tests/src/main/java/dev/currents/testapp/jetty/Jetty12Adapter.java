package dev.currents.testapp.jetty;

import dev.currents.testapp.Call;
import dev.currents.testapp.Cancellation;
import dev.currents.testapp.ClientAdapter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.AuthenticationStore;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;

/**
 * Jetty 12's HttpClient, written against 12.0.0: the blocking {@code Request.send()} (a {@code
 * CompletableResponseListener} inside), or {@code send(CompleteListener)}, whose listener runs on Jetty's threads.
 * {@code cancelAfterMs} aborts the request from another thread, with a cause of the application's own.
 */
public final class Jetty12Adapter implements ClientAdapter, AutoCloseable {

  private final boolean async;
  /**
   * One client per connect timeout and protocol, which Jetty sets per client; each shared by the calls that use it.
   */
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

  public Jetty12Adapter(boolean async) {
    this.async = async;
  }

  @Override
  public int execute(Call call) throws Exception {
    Request request =
        client(call)
            .newRequest(call.uri)
            .method(call.method)
            .followRedirects(call.followRedirects)
            .headers(headers -> call.headers.forEach(header -> headers.add(header[0], header[1])));
    if (call.body != null) {
      request.body(new StringRequestContent("application/json", call.body));
    }
    if (call.timeout != null) {
      request.idleTimeout(call.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (call.callTimeout != null) {
      request.timeout(call.callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    Runnable abort = () -> request.abort(new Exception("the application gave up"));
    if (!async) {
      try (Cancellation.Pending cancel = Cancellation.after(call, abort)) {
        return request.send().getStatus();
      } catch (ExecutionException e) {
        return statusOf(e.getCause(), e);
      }
    }
    CompletableFuture<Integer> status = new CompletableFuture<>();
    request.send(
        new BufferingResponseListener() {
          @Override
          public void onComplete(Result result) {
            if (result.isFailed() && !(result.getFailure() instanceof HttpResponseException)) {
              status.completeExceptionally(result.getFailure());
            } else {
              status.complete(result.getResponse().getStatus());
            }
          }
        });
    return Cancellation.await(status, call, abort);
  }

  /**
   * The status of the response a failure carries: Jetty reports a 401 without a {@code WWW-Authenticate} challenge
   * (which the simulated API, like many, sends) as a protocol violation that holds the 401.
   */
  private static int statusOf(Throwable failure, ExecutionException thrown) throws ExecutionException {
    if (failure instanceof HttpResponseException) {
      return ((HttpResponseException) failure).getResponse().getStatus();
    }
    throw thrown;
  }

  private HttpClient client(Call call) {
    long connectTimeout = call.timeout == null ? 15_000 : call.timeout.toMillis();
    HttpClient client =
        clients.computeIfAbsent(connectTimeout + (call.http2 ? "-h2" : ""), key -> started(connectTimeout, call.http2));
    answerChallengesOf(client.getAuthenticationStore(), call.uri);
    return client;
  }

  /** With {@code http2}, HTTP/2 is offered first by ALPN, HTTP/1.1 second, as Jetty's dynamic transport does. */
  private static HttpClient started(long connectTimeout, boolean http2) {
    HttpClient client = http2 ? new HttpClient(http2First()) : new HttpClient();
    if (http2) {
      // Else Jetty opens a connection for each request that finds the others busy, streams or not.
      client.setMaxConnectionsPerDestination(1);
    }
    client.setConnectTimeout(connectTimeout);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return client;
  }

  private static HttpClientTransportDynamic http2First() {
    ClientConnector connector = new ClientConnector();
    return new HttpClientTransportDynamic(
        connector,
        new ClientConnectionFactoryOverHTTP2.HTTP2(new HTTP2Client(connector)),
        HttpClientConnectionFactory.HTTP11);
  }

  /** Credentials for the challenge {@code WWW-Authenticate: Basic realm="currents-it"}, as a configured application has. */
  private static void answerChallengesOf(AuthenticationStore store, URI uri) {
    URI origin = uri.resolve("/");
    synchronized (store) {
      if (store.findAuthentication("Basic", origin, JettyChallenge.REALM) == null) {
        store.addAuthentication(
            new BasicAuthentication(origin, JettyChallenge.REALM, JettyChallenge.USER, JettyChallenge.PASSWORD));
      }
    }
  }

  @Override
  public void close() throws Exception {
    for (HttpClient client : clients.values()) {
      client.stop();
    }
  }
}
