package dev.currents.agent.instrumentation.asynchttpclient.bootstrap;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.io.IOException;
import java.net.URI;

/**
 * The attempts of AsyncHttpClient's requests. One {@code NettyResponseFuture} serves one request of the
 * application, whatever AHC sends for it: the first request, each followed redirect, each answer to an
 * authentication challenge and each resend after a closed connection. For each of them AHC builds a new {@code
 * NettyRequest} (the Netty request written on the wire) and sets it on the future, so a {@code NettyRequest} is
 * an attempt: attempts are kept by it, and whoever ends one finds it through {@code future.getNettyRequest()}.
 *
 * <p>Only the first attempt starts on the application's thread (in {@code execute}); the later ones start on
 * Netty's event loops, where the application's span is not current. The span current at the first one is kept
 * with the future, as the parent of all its attempts.
 *
 * <p>Loaded by the bootstrap class loader, shared by every copy of AHC: it sees AHC's objects as objects.
 */
public final class AsyncHttpClientAttempts {

  public static final String CLIENT = "async-http-client";

  /**
   * What an attempt is recorded with when AHC sent its request again after its connection closed without keeping
   * the failure (a bare close, or an {@code IOExceptionFilter} that asked for a replay).
   */
  private static final IOException CLOSED =
      new IOException("the connection of an AsyncHttpClient request closed before its response");

  /** Open attempts, by the {@code NettyRequest} they sent. */
  private static final OpenAttempts<Object> OPEN = new OpenAttempts<>("AsyncHttpClient ListenableFuture.cancel()");

  /** Open attempts whose request's connection could not be made: AHC may send it again, on a new connection. */
  private static final WeakIdentityMap<Object, Boolean> UNSENT = new WeakIdentityMap<>();

  /** The application's span when it executed each Currents request, by future: the parent of its attempts. */
  private static final CallParents PARENT_OF_FUTURE = new CallParents();

  private AsyncHttpClientAttempts() {}

  /** Whether any attempt is open: the one check that requests to other hosts pay when they end. */
  public static boolean anyOpen() {
    return !OPEN.isEmpty();
  }

  /**
   * Starts the attempt of a Currents request's new {@code NettyRequest}, or goes on with the previous request's when
   * it is the same attempt on a new connection; returns it, or null when the agent records nothing.
   *
   * @param first whether this is the future's first request, built on the application's thread
   * @param previous the request the future had before this one, or null
   * @param previousFailure the I/O failure AHC kept for the previous request's connection, or null
   * @param url the request's absolute URL
   * @param request what {@code headers} reads the request's headers from
   */
  public static <R> Attempt start(
      Object future,
      boolean first,
      Object previous,
      Throwable previousFailure,
      Object nettyRequest,
      String method,
      String url,
      R request,
      HeaderGetter<? super R> headers) {
    try {
      if (OPEN.get(nettyRequest) != null) {
        return null;
      }
      Attempt unfinished = OPEN.detach(previous);
      if (unfinished != null) {
        if (UNSENT.remove(previous) != null) {
          // Sent again after a connection that could not be made: the same attempt, on the next connection.
          OPEN.open(nettyRequest, unfinished);
          return unfinished;
        }
        // Sent again after its connection closed under it: that attempt is over.
        CurrentsRequests.fail(unfinished, previousFailure != null ? previousFailure : CLOSED);
      }
      if (first) {
        PARENT_OF_FUTURE.keepCurrent(future);
      }
      Object parent = PARENT_OF_FUTURE.of(future);
      Attempt attempt = CurrentsRequests.start(CLIENT, method, URI.create(url), request, headers, parent);
      OPEN.open(nettyRequest, attempt);
      return attempt;
    } catch (RuntimeException e) {
      AgentErrors.report("start of an AsyncHttpClient request", e);
      return null;
    }
  }

  /** The response of a {@code NettyRequest} arrived (its status line and headers); interim 1xx are not passed. */
  public static <S> void responded(Object nettyRequest, int status, S response, HeaderGetter<? super S> headers) {
    forgetUnsent(nettyRequest);
    OPEN.answer(nettyRequest, status, response, headers);
  }

  /**
   * A {@code NettyRequest} failed: the future is aborted, its connection failed, or closed before the response
   * came. Whether AHC sends it again or gives up, this attempt is over.
   */
  public static void failed(Object nettyRequest, Throwable failure) {
    forgetUnsent(nettyRequest);
    OPEN.fail(nettyRequest, failure != null ? failure : CLOSED);
  }

  /** The application cancelled the future whose current request this is. */
  public static void cancelled(Object nettyRequest) {
    forgetUnsent(nettyRequest);
    OPEN.cancel(nettyRequest);
  }

  /**
   * The connection for a {@code NettyRequest} could not be made. Its attempt stays open: AHC aborts the future next
   * ({@link #failed}), or sends the request again on a new connection, which the attempt goes on with.
   */
  public static void connectFailed(Object nettyRequest) {
    if (nettyRequest != null && OPEN.get(nettyRequest) != null) {
      UNSENT.put(nettyRequest, Boolean.TRUE);
    }
  }

  private static void forgetUnsent(Object nettyRequest) {
    if (nettyRequest != null && !UNSENT.isEmpty()) {
      UNSENT.remove(nettyRequest);
    }
  }
}
