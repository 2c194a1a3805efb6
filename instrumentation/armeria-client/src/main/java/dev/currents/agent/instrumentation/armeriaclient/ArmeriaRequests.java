package dev.currents.agent.instrumentation.armeriaclient;

import com.linecorp.armeria.client.ClientRequestContext;
import com.linecorp.armeria.client.ResponseCancellationException;
import com.linecorp.armeria.client.UnprocessedRequestException;
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

  private ArmeriaRequests() {}

  /** Starts the attempt of the request of {@code context}, with the trace context, until its log has its end. */
  public void execute(ClientRequestContext context, String scheme, String host, int port) {
    Object parent = parents.keptOrCurrent(call(context.log()));
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
    if (attempt == null) {
      return;
    }
    CurrentsHeaders.propagate(attempt, context, ArmeriaHeaders.INSTANCE);
    context.log().whenAvailable(RequestLogProperty.RESPONSE_HEADERS).thenAccept(log -> end(attempt, log));
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
    Throwable reason = cause instanceof UnprocessedRequestException && cause.getCause() != null ? cause.getCause() : cause;
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
