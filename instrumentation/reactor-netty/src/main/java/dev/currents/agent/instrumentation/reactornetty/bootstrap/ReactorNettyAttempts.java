package dev.currents.agent.instrumentation.reactornetty.bootstrap;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.net.URI;

/**
 * The attempts of Reactor Netty's HttpClient. One request (one subscription of {@code HttpClientConnect}) is
 * served by one {@code HttpClientHandler}, which makes a try per attempt: the first, each followed redirect and
 * the one resend after a connection failure. A try that gets a connection has its own {@code
 * HttpClientOperations} ("the exchange" below); every try that fails, with or without a connection, ends in
 * the handler's {@code test(Throwable)}, which decides whether to try again.
 *
 * <p>The attempts start on Netty's event loops, where the application's span is not current: the one current
 * when the request was subscribed is kept with the handler and made the parent of each of its attempts.
 *
 * <p>Only requests to Currents hosts enter these maps; the handler checks the host first, without allocating.
 * Loaded by the bootstrap class loader, shared by every copy of Reactor Netty: it sees their objects as
 * {@code Object} and their values as {@code java.base} types.
 */
public final class ReactorNettyAttempts {

  public static final String CLIENT = "reactor-netty";

  /** What {@link #AWAITING_HEADERS} holds for an exchange whose request kept no parent. */
  private static final Object NO_PARENT = new Object();

  /**
   * The application's span current when each Currents request was subscribed, by handler: the parent of all its
   * attempts, which start on event loops. Only requests made inside a span, with tracing on, are here.
   */
  private static final CallParents PARENT_OF_HANDLER = new CallParents();
  /** Exchanges of Currents requests whose headers are not sent yet, each with its request's parent or NO_PARENT. */
  private static final WeakIdentityMap<Object, Object> AWAITING_HEADERS = new WeakIdentityMap<>();
  /** The exchange of each Currents handler's current try. */
  private static final WeakIdentityMap<Object, Object> TRY_OF_HANDLER = new WeakIdentityMap<>();
  /** Started attempts, by exchange, until they end; one whose subscriber went away first is cancelled. */
  private static final OpenAttempts<Object> OPEN = new OpenAttempts<>("Reactor Netty request cancelled by its subscriber");

  private ReactorNettyAttempts() {}

  /**
   * A Currents request is being subscribed, on the application's thread: the span current there, if any, is kept
   * as the parent of its attempts (each try, on whichever thread: the first, redirect hops, resends).
   */
  public static void subscribed(Object handler) {
    PARENT_OF_HANDLER.keepCurrent(handler);
  }

  /** A try of a Currents request got its connection and exchange; its attempt starts when the headers go out. */
  public static void connected(Object handler, Object exchange) {
    TRY_OF_HANDLER.put(handler, exchange);
    Object parent = PARENT_OF_HANDLER.of(handler);
    AWAITING_HEADERS.put(exchange, parent != null ? parent : NO_PARENT);
  }

  /**
   * The parent of the attempt of an exchange that is a Currents request whose headers are about to be sent for
   * the first time ({@link #NO_PARENT} when its request kept none), once; else null. Every request of the
   * application asks, so the usual answer costs one emptiness check.
   */
  public static Object sendsHeadersNow(Object exchange) {
    return AWAITING_HEADERS.isEmpty() ? null : AWAITING_HEADERS.remove(exchange);
  }

  /**
   * Starts the attempt of an exchange, with the headers it sends; null when the agent records nothing.
   *
   * @param parent what {@link #sendsHeadersNow} answered
   * @param url the request's absolute URL, as Reactor Netty resolved it
   */
  public static <R> Attempt start(
      Object exchange, Object parent, String method, String url, R request, HeaderGetter<? super R> headers) {
    if (url == null) {
      return null;
    }
    try {
      Attempt attempt =
          CurrentsRequests.start(
              CLIENT, method, URI.create(url), request, headers, parent == NO_PARENT ? null : parent);
      OPEN.open(exchange, attempt);
      return attempt;
    } catch (RuntimeException e) {
      AgentErrors.report("reactor-netty request", e);
      return null;
    }
  }

  /**
   * The open attempt of an exchange, detached from it, or null: every response of the application asks, so the
   * usual answer costs one emptiness check.
   */
  public static Attempt detach(Object exchange) {
    return OPEN.detach(exchange);
  }

  /** The exchange was closed after its subscriber cancelled it or went away: a still open attempt is cancelled. */
  public static void cancelled(Object exchange) {
    OPEN.cancel(exchange);
  }

  /** A try of a Currents request failed: its exchange, detached from the handler, or null without a connection. */
  public static Object tryFailed(Object handler) {
    return TRY_OF_HANDLER.remove(handler);
  }

  /**
   * Ends the attempt of a failed try's exchange with the failure, unless its response ended it already. False
   * when the exchange failed before its headers went out: its attempt never started.
   */
  public static boolean failStarted(Object exchange, Throwable failure) {
    if (AWAITING_HEADERS.remove(exchange) != null) {
      return false;
    }
    OPEN.fail(exchange, failure);
    return true;
  }

  /**
   * An attempt that failed without its own start: the connection was refused, timed out or failed its TLS
   * handshake, or closed before the headers went out. It starts and ends now.
   */
  public static <R> void failedUnstarted(
      Object handler, String method, String url, R request, HeaderGetter<? super R> headers, Throwable failure) {
    try {
      Attempt attempt =
          CurrentsRequests.start(CLIENT, method, URI.create(url), request, headers, PARENT_OF_HANDLER.of(handler));
      CurrentsRequests.fail(attempt, failure);
    } catch (RuntimeException e) {
      AgentErrors.report("reactor-netty failed request", e);
    }
  }
}
