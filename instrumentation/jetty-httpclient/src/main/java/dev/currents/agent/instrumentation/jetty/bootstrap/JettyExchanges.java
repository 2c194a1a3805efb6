package dev.currents.agent.instrumentation.jetty.bootstrap;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsHeaders;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.bootstrap.WeakIdentityMap;

/**
 * The attempts of Jetty's exchanges. Jetty makes one {@code HttpExchange} for each request it sends: the
 * application's, each hop of a followed redirect and each resend of its authentication handlers (both copy the
 * request into a new one of the same conversation). So an exchange is an attempt: it starts when the exchange
 * is made and ends when the exchange terminates, with the response or the failure.
 *
 * <p>Attempts are kept by request: the advice on the exchange's end and on {@code Request.abort} both have it.
 * Loaded by the bootstrap class loader and shared by every copy of Jetty: it sees Jetty's objects as objects.
 */
public final class JettyExchanges {

  public static final String CLIENT = "jetty-httpclient";

  private static final JettyRequestHeaders TRACEPARENT = new JettyRequestHeaders();
  /** Open attempts, by request; one the application aborted is cancelled, whatever cause it gave. */
  private static final OpenAttempts<Object> OPEN = new OpenAttempts<>("Jetty Request.abort() by the application");
  /** Conversations the application aborted: the abort fails the exchange of whichever hop is under way. */
  private static final WeakIdentityMap<Object, Boolean> ABORTED = new WeakIdentityMap<>();
  /**
   * The application's span when it sent a conversation's first request: Jetty sends the later hops from its own
   * threads, where no span is current, and their spans are children of this one too.
   */
  private static final CallParents PARENT_OF_CONVERSATION = new CallParents();

  private JettyExchanges() {}

  /** A new exchange of {@code request}, to any host; the check for other hosts allocates nothing. */
  public static void started(Object request) {
    try {
      if (!JettyAccess.isCurrents(request)) {
        return;
      }
      Attempt attempt =
          CurrentsRequests.start(
              CLIENT,
              JettyAccess.method(request),
              JettyAccess.uri(request),
              request,
              JettyAccess.REQUEST_HEADERS,
              parentOf(request));
      // The exchange is not sent yet: Jetty writes the request's headers when a connection takes it.
      CurrentsHeaders.propagate(attempt, request, TRACEPARENT);
      OPEN.open(request, attempt);
    } catch (Throwable t) {
      AgentErrors.report("start of a Jetty request", t);
    }
  }

  /** The span kept for the request's conversation, or the one current now, kept if it is the first hop's. */
  private static Object parentOf(Object request) throws Throwable {
    Object conversation = JettyAccess.conversation(request);
    return conversation == null
        ? CurrentsRequests.currentParent()
        : PARENT_OF_CONVERSATION.keptOrCurrent(conversation);
  }

  /**
   * The exchange of {@code request} terminated: both its request and its response are done. Runs for every
   * exchange, to any host: one emptiness check while no Currents attempt is open.
   */
  public static void terminated(Object request, Object response, Throwable requestFailure, Throwable responseFailure) {
    Attempt attempt = OPEN.detach(request);
    if (attempt == null) {
      return;
    }
    Throwable failure = responseFailure != null ? responseFailure : requestFailure;
    if (failure != null) {
      fail(attempt, request, failure);
      return;
    }
    try {
      CurrentsRequests.end(attempt, JettyAccess.status(response), response, JettyAccess.RESPONSE_HEADERS);
    } catch (Throwable t) {
      AgentErrors.report("reading a Jetty response", t);
    }
  }

  /** The exchange of {@code request} failed before a connection took it: queued, refused, timed out, aborted. */
  public static void failed(Object request, Throwable failure) {
    Attempt attempt = OPEN.detach(request);
    if (attempt != null) {
      fail(attempt, request, failure);
    }
  }

  /**
   * {@code Request.abort} is called for the first time on {@code request}. Jetty calls it too, for its own
   * timeouts and failures, with a cause that tells what happened; when the application calls it, the cause is
   * whatever the application chose, and the attempt is {@code cancelled}. Only the caller tells them apart.
   */
  public static void aborting(Object request) {
    if (OPEN.isEmpty()) {
      return;
    }
    try {
      if (JettyAccess.isCurrents(request) && Callers.ofAbortIsTheApplication()) {
        Object conversation = JettyAccess.conversation(request);
        if (conversation != null) {
          ABORTED.put(conversation, Boolean.TRUE);
        }
      }
    } catch (Throwable t) {
      AgentErrors.report("abort of a Jetty request", t);
    }
  }

  private static void fail(Attempt attempt, Object request, Throwable failure) {
    Throwable recorded = failure;
    try {
      Object conversation = JettyAccess.conversation(request);
      if (conversation != null && ABORTED.get(conversation) != null) {
        recorded = OPEN.cancellation();
      }
    } catch (Throwable t) {
      AgentErrors.report("abort of a Jetty request", t);
    }
    CurrentsRequests.fail(attempt, recorded);
  }
}
