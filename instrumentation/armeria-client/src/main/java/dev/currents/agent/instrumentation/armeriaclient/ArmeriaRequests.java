package dev.currents.agent.instrumentation.armeriaclient;

import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.ResponseCancellationException;
import com.linecorp.armeria.client.UnprocessedRequestException;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.logging.RequestLog;
import com.linecorp.armeria.common.logging.RequestLogAccess;
import com.linecorp.armeria.common.logging.RequestLogProperty;
import com.linecorp.armeria.common.stream.AbortedStreamException;
import com.linecorp.armeria.common.stream.CancelledSubscriptionException;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * The attempts of one copy of Armeria's client, for its advice; a helper defined beside each copy. Each starts as
 * Armeria takes its request to send, and ends when the request's log has the response's head, or the failure that
 * stands for it.
 */
public final class ArmeriaRequests {

  public static final ArmeriaRequests INSTANCE = new ArmeriaRequests();

  /** What an attempt whose response its caller aborted or cancelled is recorded with. */
  private static final CancellationException CANCELLED =
      new CancellationException("Armeria response aborted or cancelled by its caller");
  /** What an attempt whose response ended without a head and without a cause is recorded with. */
  private static final IOException NO_RESPONSE = new IOException("an Armeria response ended without its head");

  /**
   * The application's span for each call, by the log of the call's first context, which the contexts of its
   * retries and redirect hops have for their logs' root: those run on an event loop, where no span is current.
   */
  private final CallParents parents = new CallParents();
  /**
   * The last attempt of each call that propagated its trace context, by the log of the call's first context: a
   * {@code RedirectingClient} makes the next hop's request of the headers the last one sent.
   */
  private final WeakIdentityMap<RequestLogAccess, Attempt> propagated = new WeakIdentityMap<>();

  private ArmeriaRequests() {}

  /**
   * Starts the attempt of the request of {@code context}, with the trace context, until its log has its end. Returns
   * the request to send: the context's, which is another than {@code request} once the {@code traceparent} of the
   * call's previous attempt is taken off it.
   */
  public HttpRequest execute(ClientRequestContext context, HttpRequest request, String scheme, String host, int port) {
    RequestLogAccess call = call(context.log());
    HttpRequest toSend = request;
    Attempt previous = propagated.isEmpty() ? null : propagated.remove(call);
    if (previous != null) {
      CurrentsHeaders.withdraw(previous, context, ArmeriaHeaders.INSTANCE);
      toSend = context.request();
    }
    Object parent = parents.keptOrCurrent(call);
    Attempt attempt =
        CurrentsRequests.start(
            ArmeriaClientInstrumentation.CLIENT,
            context.method().name(),
            scheme,
            host,
            port,
            context.path(),
            context.query(),
            context,
            ArmeriaHeaders.INSTANCE,
            parent);
    if (attempt != null) {
      CurrentsHeaders.propagate(attempt, context, ArmeriaHeaders.INSTANCE);
      if (attempt.traceparent() != null) {
        propagated.put(call, attempt);
      }
      context.log().whenAvailable(RequestLogProperty.RESPONSE_HEADERS).thenAccept(log -> end(attempt, log));
    }
    return toSend;
  }

  /**
   * The log has the response's head; a response that failed before it has a head of status 0, and its cause, both
   * given at once.
   */
  private static void end(Attempt attempt, RequestLog log) {
    ResponseHeaders head = log.responseHeaders();
    int status = head.status().code();
    if (status != 0) {
      CurrentsRequests.end(attempt, status, head, ArmeriaHeaders.RESPONSE);
    } else {
      CurrentsRequests.fail(attempt, failure(log.responseCause()));
    }
  }

  /**
   * What went wrong, which Armeria wraps in an exception of its own when no request went out (a refused connection).
   * The caller's abort or cancellation is a cancellation, whose Armeria exceptions say nothing the categories know.
   */
  private static Throwable failure(Throwable cause) {
    if (cause == null) {
      return NO_RESPONSE;
    }
    Throwable reason =
        cause instanceof UnprocessedRequestException && cause.getCause() != null ? cause.getCause() : cause;
    boolean cancelled =
        reason instanceof AbortedStreamException
            || reason instanceof CancelledSubscriptionException
            || reason instanceof ResponseCancellationException;
    return cancelled ? CANCELLED : reason;
  }

  /** The log of the call's first context: the root of the logs of its retries and hops. */
  private static RequestLogAccess call(RequestLogAccess log) {
    RequestLogAccess call = log;
    for (RequestLogAccess parent = log.parent(); parent != null; parent = parent.parent()) {
      call = parent;
    }
    return call;
  }
}
