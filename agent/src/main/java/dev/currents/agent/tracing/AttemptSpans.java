package dev.currents.agent.tracing;

import static dev.currents.agent.tracing.SpanAttributes.BACKOFF_COMPLIANT;
import static dev.currents.agent.tracing.SpanAttributes.BACKOFF_DELAY;
import static dev.currents.agent.tracing.SpanAttributes.CLIENT;
import static dev.currents.agent.tracing.SpanAttributes.HTTP_REQUEST_METHOD;
import static dev.currents.agent.tracing.SpanAttributes.HTTP_REQUEST_RESEND_COUNT;
import static dev.currents.agent.tracing.SpanAttributes.SERVER_ADDRESS;
import static dev.currents.agent.tracing.SpanAttributes.SERVER_PORT;
import static dev.currents.agent.tracing.SpanAttributes.URL_FULL;
import static dev.currents.agent.tracing.SpanAttributes.URL_TEMPLATE;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.common.backoff.Retry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Starts the CLIENT span of each attempt (SPEC section 6), on the thread that starts the request: so its parent
 * is the span current in the application then (or, for a client that starts attempts on its own threads, the one
 * current when the application made the request), and with propagation on the request can carry it as
 * {@code traceparent}. What is known at the start goes on the span now; {@link AttemptSpan} adds the outcome.
 */
public final class AttemptSpans {

  private final Tracer tracer;
  private final ApplicationSpans parents;
  private final boolean propagate;
  private final Clock clock = Clock.getDefault();

  AttemptSpans(Tracer tracer, ApplicationSpans parents, boolean propagate) {
    this.tracer = tracer;
    this.parents = parents;
    this.propagate = propagate;
  }

  /** @param retry the retry this attempt is, or null */
  public AttemptSpan start(Attempt attempt, String endpoint, Retry retry) {
    // Epoch time when the attempt started: the monotonic start, placed on the wall clock once.
    long startEpochNanos = clock.now() - (System.nanoTime() - attempt.startNanos());
    SpanBuilder builder =
        tracer
            .spanBuilder(attempt.method() + ' ' + endpoint)
            .setSpanKind(SpanKind.CLIENT)
            .setParent(parentOf(attempt))
            .setStartTimestamp(startEpochNanos, TimeUnit.NANOSECONDS)
            .setAttribute(HTTP_REQUEST_METHOD, attempt.method())
            .setAttribute(SERVER_ADDRESS, attempt.host())
            .setAttribute(SERVER_PORT, (long) attempt.effectivePort())
            .setAttribute(
                URL_FULL,
                RedactedUrl.of(attempt.scheme(), attempt.host(), attempt.port(), attempt.path(), attempt.query()))
            .setAttribute(URL_TEMPLATE, endpoint)
            .setAttribute(CLIENT, attempt.client());
    if (retry != null) {
      builder
          .setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) retry.number())
          .setAttribute(BACKOFF_DELAY, retry.delaySeconds())
          .setAttribute(BACKOFF_COMPLIANT, retry.compliant());
    }
    Span span = builder.startSpan();
    if (propagate && span.getSpanContext().isValid()) {
      attempt.traceparent(traceparent(span.getSpanContext()));
    }
    return new AttemptSpan(span, startEpochNanos, attempt.startNanos());
  }

  /**
   * The application's span current on this thread, kept by an instrumentation whose client starts the request's
   * attempts on threads of its own ({@link Attempt#parent()}); null when none is current.
   */
  public Object currentParent() {
    return parents.current();
  }

  /** The parent captured when the request was made, if the instrumentation kept one; else the current span. */
  private Context parentOf(Attempt attempt) {
    Object captured = attempt.parent();
    return captured instanceof Context ? (Context) captured : parents.parent();
  }

  /** The W3C {@code traceparent} header naming {@code context} as the parent. */
  static String traceparent(SpanContext context) {
    return "00-" + context.getTraceId() + '-' + context.getSpanId() + '-' + context.getTraceFlags().asHex();
  }
}
