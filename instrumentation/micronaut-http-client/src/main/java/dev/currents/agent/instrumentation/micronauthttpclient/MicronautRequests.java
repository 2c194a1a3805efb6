package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.ParentHandover;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import dev.currents.agent.instrumentation.netty4.NettyHeaders;
import io.micronaut.core.execution.DelayedExecutionFlow;
import io.micronaut.core.execution.ExecutionFlow;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.URI;

/**
 * The life of the attempts of one copy of the Micronaut client, for its advice; a helper defined beside each copy.
 * A hop to a Currents host is kept from when Micronaut begins it until its request is written; the attempt then
 * goes with the request's response handler until the response's head, a failure or a cancellation ends it.
 */
public final class MicronautRequests {

  public static final MicronautRequests INSTANCE = new MicronautRequests();

  /** What a hop is kept with when no application span was current. */
  private static final Object NO_PARENT = new Object();
  /** What an attempt whose connection closed before its response is recorded with. */
  private static final IOException CLOSED =
      new IOException("the connection of a Micronaut request closed before its response");

  /** The application's span for each hop to a Currents host not written yet, by the hop's request. */
  private final WeakIdentityMap<HttpRequest<?>, Object> hops = new WeakIdentityMap<>();
  /** Attempts whose request is being written on a connection, until its response handler is added. */
  private final WeakIdentityMap<Channel, Attempt> writing = new WeakIdentityMap<>();
  /** Attempts by the response handler of their request. */
  private final OpenAttempts<Object> open = new OpenAttempts<>("Micronaut HttpClient subscription cancelled");

  private MicronautRequests() {}

  /**
   * A hop begins on the thread that made the request (the first) or that read the previous hop's redirect, whose
   * parent is handed over there: the span current now is the parent of its attempt, which starts on an event loop.
   * Returns whether it goes to a Currents host.
   */
  public boolean hop(HttpRequest<?> request) {
    if (!CurrentsRequests.isCurrents(request.getUri())) {
      return false;
    }
    Object parent = CurrentsRequests.currentParent();
    hops.put(request, parent != null ? parent : NO_PARENT);
    return true;
  }

  /** The hop's flow, which records the hop as a failed attempt if it fails before its request is written. */
  public <T> ExecutionFlow<T> watch(HttpRequest<?> request, ExecutionFlow<T> flow) {
    return flow.onErrorResume(failure -> unsent(request, failure));
  }

  private <T> ExecutionFlow<T> unsent(HttpRequest<?> request, Throwable failure) {
    Object parent = hops.isEmpty() ? null : hops.remove(request);
    if (parent != null) {
      Attempt attempt =
          CurrentsRequests.start(
              MicronautHttpClientInstrumentation.CLIENT,
              request.getMethodName(),
              request.getUri(),
              request.getHeaders(),
              MicronautHeaders.INSTANCE,
              parent == NO_PARENT ? null : parent);
      // Micronaut wraps what went wrong ("Connect Error: ...") in an exception of its own.
      boolean wrapped = failure instanceof HttpClientException && failure.getCause() != null;
      CurrentsRequests.fail(attempt, wrapped ? failure.getCause() : failure);
    }
    return ExecutionFlow.error(failure);
  }

  /**
   * Starts the attempt of a request being written on {@code channel}, with the trace context on its head, and
   * ends it when the response's flow is cancelled.
   */
  public Attempt send(
      Channel channel, HttpRequest<?> request, URI uri, io.netty.handler.codec.http.HttpRequest head,
      DelayedExecutionFlow<?> response) {
    Object kept = hops.isEmpty() ? null : hops.remove(request);
    Object parent = kept == null ? CurrentsRequests.currentParent() : kept == NO_PARENT ? null : kept;
    HttpHeaders headers = head.headers();
    Attempt attempt =
        CurrentsRequests.start(
            MicronautHttpClientInstrumentation.CLIENT, head.method().name(), uri, headers, NettyHeaders.INSTANCE, parent);
    if (attempt == null) {
      return null;
    }
    CurrentsHeaders.propagate(attempt, headers, NettyHeaders.INSTANCE);
    writing.put(channel, attempt);
    response.onCancel(() -> CurrentsRequests.fail(attempt, open.cancellation()));
    return attempt;
  }

  /**
   * The request's head is written: its headers are the application's request's own, which a redirect copies into
   * the next hop's, so the attempt's {@code traceparent} is taken off them (Netty encoded the head on this thread,
   * before). A request whose writing failed ends here.
   */
  public void sent(Attempt attempt, Channel channel, HttpHeaders headers, Throwable thrown) {
    CurrentsHeaders.withdraw(attempt, headers, NettyHeaders.INSTANCE);
    if (thrown != null) {
      writing.remove(channel);
      CurrentsRequests.fail(attempt, thrown);
    }
  }

  /** The response handler of the request being written on {@code channel} is added: the attempt goes with it. */
  public void handlerAdded(Object handler, Channel channel) {
    if (!writing.isEmpty()) {
      open.open(handler, writing.remove(channel));
    }
  }

  /**
   * The handler reads part of the response: its head (not a {@code 100 Continue}) ends the attempt. Hands the
   * attempt's parent over to the next hop, which Micronaut begins on this thread when the response is a redirect
   * it follows. Returns what to give {@link ParentHandover#restore}.
   */
  public Object read(Object handler, HttpObject message) {
    Attempt attempt = open.get(handler);
    if (attempt == null) {
      return ParentHandover.handOver(null);
    }
    if (message instanceof HttpResponse) {
      HttpResponse response = (HttpResponse) message;
      int status = response.status().code();
      if (status != 100) {
        CurrentsRequests.end(attempt, status, response.headers(), NettyHeaders.INSTANCE);
      }
    }
    return ParentHandover.handOver(attempt.parent());
  }

  /** The handler has read part of the response: after its last, the attempt is over. */
  public void afterRead(Object handler, HttpObject message) {
    if (message instanceof LastHttpContent) {
      Attempt attempt = open.get(handler);
      if (attempt != null && attempt.isFinished()) {
        open.detach(handler);
      }
    }
  }

  /**
   * Hands the parent of the handler's attempt over, for a redirect Micronaut follows once it has buffered the
   * response: what to give {@link ParentHandover#restore}.
   */
  public Object handOver(Object handler) {
    Attempt attempt = open.get(handler);
    return ParentHandover.handOver(attempt == null ? null : attempt.parent());
  }

  /**
   * The handler's connection failed or closed ({@code failure} null): an attempt without its response ends. Hands
   * its parent over, as {@link #handOver} does.
   */
  public Object fail(Object handler, Throwable failure) {
    Attempt attempt = open.detach(handler);
    if (attempt == null) {
      return ParentHandover.handOver(null);
    }
    CurrentsRequests.fail(attempt, failure != null ? failure : CLOSED);
    return ParentHandover.handOver(attempt.parent());
  }
}
