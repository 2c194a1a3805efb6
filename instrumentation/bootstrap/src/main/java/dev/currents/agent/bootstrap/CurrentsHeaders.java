package dev.currents.agent.bootstrap;

/**
 * The headers the agent reads and writes, and what it does with them: the one place that names them. A request's
 * credential is its {@code Authorization} header, else its {@code x-currents-key} (the record key), and is only ever
 * fingerprinted; a response's {@code Retry-After} is kept raw for the backoff model to parse; a request carries
 * one {@code traceparent}, whoever set it.
 */
public final class CurrentsHeaders {

  private static final String AUTHORIZATION = "Authorization";
  private static final String RECORD_KEY = "x-currents-key";
  private static final String RETRY_AFTER = "Retry-After";
  private static final String TRACEPARENT = "traceparent";

  private CurrentsHeaders() {}

  /** The raw credential header of {@code request}, or null. */
  static <R> String credential(R request, HeaderGetter<? super R> headers) {
    if (request == null || headers == null) {
      return null;
    }
    String authorization = headers.first(request, AUTHORIZATION);
    return authorization != null ? authorization : headers.first(request, RECORD_KEY);
  }

  /** The raw {@code Retry-After} of {@code response}, or null. */
  static <S> String retryAfter(S response, HeaderGetter<? super S> headers) {
    return response == null || headers == null ? null : headers.first(response, RETRY_AFTER);
  }

  /**
   * The request to send for {@code attempt}: with the attempt's {@link Attempt#traceparent()} added, unless there is
   * none to add or the request already carries a {@code traceparent} (a request carries one however many layered
   * clients, or other agents, handle it); else {@code request} itself. Never throws.
   */
  public static <R> R propagate(Attempt attempt, R request, HeaderInjector<R> injector) {
    String traceparent = attempt == null ? null : attempt.traceparent();
    if (traceparent == null || injector == null) {
      return request;
    }
    try {
      return injector.first(request, TRACEPARENT) != null ? request : injector.with(request, TRACEPARENT, traceparent);
    } catch (Throwable t) {
      AgentErrors.report("propagation of the trace context", t);
      return request;
    }
  }

  /**
   * Takes the {@code traceparent} that {@link #propagate} gave {@code attempt} off {@code request}, once sent, for a
   * client that copies the headers of a request into the next one it sends for the same call: the next attempt then
   * carries its own. A {@code traceparent} the application set is left alone. Never throws.
   */
  public static <R> void withdraw(Attempt attempt, R request, HeaderInjector<R> injector) {
    String traceparent = attempt.traceparent();
    if (traceparent == null) {
      return;
    }
    try {
      if (traceparent.equals(injector.first(request, TRACEPARENT))) {
        injector.without(request, TRACEPARENT);
      }
    } catch (Throwable t) {
      AgentErrors.report("propagation of the trace context", t);
    }
  }
}
