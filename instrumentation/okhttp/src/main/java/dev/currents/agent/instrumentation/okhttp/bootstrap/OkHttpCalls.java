package dev.currents.agent.instrumentation.okhttp.bootstrap;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CallParents;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.OpenAttempts;
import dev.currents.agent.common.ErrorCategory;

/**
 * Ends the attempts of calls that were canceled, which OkHttp does both for {@code Call.cancel()} and when the
 * call's {@code callTimeout} fires: it closes the socket, so the attempt itself fails with a plain {@code
 * SocketException("Socket closed")}. Which of the two it was, only the end of the call tells, so such an
 * attempt waits for it: a call ends right after its last attempt, on the same thread.
 *
 * <p>Loaded by the bootstrap class loader, shared by every copy of OkHttp: it sees calls only as objects.
 */
public final class OkHttpCalls {

  public static final String CLIENT = "okhttp";
  private static final String ROUTE_EXCEPTION = "okhttp3.internal.connection.RouteException";

  /** Canceled attempts, by call, until the call's end tells whether it timed out or the application canceled it. */
  private static final OpenAttempts<Object> WAITING_FOR_THEIR_CALL = new OpenAttempts<>("OkHttp Call.cancel()");
  /** The application's span of each enqueued call, for its attempts on the dispatcher's threads. */
  private static final CallParents PARENT_OF_ENQUEUED_CALL = new CallParents();

  /**
   * The attempt this thread is running, whose request carries a {@code traceparent}: from its start in {@code
   * ConnectInterceptor} to the writing of its headers further down the same interceptor chain, on the same thread.
   */
  private static final ThreadLocal<Attempt> TO_SEND = new ThreadLocal<>();

  /** Spares requests the thread-local lookup until propagation has had a traceparent to send. */
  private static volatile boolean propagating;

  private OkHttpCalls() {}

  /** A call to a Currents host was enqueued, on the application's thread. */
  public static void enqueued(Object call) {
    PARENT_OF_ENQUEUED_CALL.keepCurrent(call);
  }

  /** The parent of an attempt of {@code call}: the span kept when it was enqueued, else null (the current one). */
  public static Object parentOf(Object call) {
    return PARENT_OF_ENQUEUED_CALL.of(call);
  }

  public static void attemptStarted(Attempt attempt) {
    if (attempt != null && attempt.traceparent() != null) {
      propagating = true;
      TO_SEND.set(attempt);
    }
  }

  /** The attempt's request was written, or it failed before: nothing is left to send. */
  public static void attemptSent() {
    if (propagating) {
      TO_SEND.remove();
    }
  }

  /**
   * The attempt whose request is being written on this thread, if it carries a {@code traceparent}, once; else
   * null. Runs for every request OkHttp writes, to any host: one field read while propagation is off.
   */
  public static Attempt attemptToSend() {
    if (!propagating) {
      return null;
    }
    Attempt attempt = TO_SEND.get();
    if (attempt != null) {
      TO_SEND.remove();
    }
    return attempt;
  }

  /** An attempt got no response; {@code failure} may be OkHttp's {@code RouteException} around the cause. */
  public static void attemptFailed(Attempt attempt, Throwable failure, Object call, boolean callCanceled) {
    if (callCanceled) {
      WAITING_FOR_THEIR_CALL.open(call, attempt);
    } else {
      CurrentsRequests.fail(attempt, asTheApplicationSeesIt(failure));
    }
  }

  /**
   * OkHttp wraps a failure to connect in its internal {@code RouteException}, and throws the application the
   * connect failure inside: that is the failure whose class the span names.
   */
  static Throwable asTheApplicationSeesIt(Throwable failure) {
    boolean routeException =
        failure != null && failure.getCause() != null && failure.getClass().getName().equals(ROUTE_EXCEPTION);
    return routeException ? failure.getCause() : failure;
  }

  /**
   * Runs at the end of every OkHttp call, to any host: two emptiness checks unless an enqueued call's span is kept
   * or a canceled attempt waits.
   */
  public static void callEnded(Object call, Throwable thrown) {
    PARENT_OF_ENQUEUED_CALL.forget(call);
    if (WAITING_FOR_THEIR_CALL.isEmpty()) {
      return;
    }
    if (thrown != null && ErrorCategory.ofFailure(thrown) == ErrorCategory.TIMEOUT) {
      WAITING_FOR_THEIR_CALL.fail(call, thrown);
    } else {
      WAITING_FOR_THEIR_CALL.cancel(call);
    }
  }
}
