package dev.currents.agent.tracing;

import static dev.currents.agent.tracing.SpanAttributes.ERROR_CATEGORY;
import static dev.currents.agent.tracing.SpanAttributes.ERROR_RETRYABLE;
import static dev.currents.agent.tracing.SpanAttributes.ERROR_TYPE;
import static dev.currents.agent.tracing.SpanAttributes.HTTP_RESPONSE_STATUS_CODE;
import static dev.currents.agent.tracing.SpanAttributes.RATE_LIMITED_EVENT;
import static dev.currents.agent.tracing.SpanAttributes.RETRY_AFTER;

import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.common.backoff.RetryAfter;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The span of one attempt, between its start and its end; ended once, with the attempt's outcome. */
public final class AttemptSpan {

  private static final int MAX_UNWRAP = 16;

  private final Span span;
  private final long startEpochNanos;
  private final long startNanos;

  AttemptSpan(Span span, long startEpochNanos, long startNanos) {
    this.span = span;
    this.startEpochNanos = startEpochNanos;
    this.startNanos = startNanos;
  }

  /**
   * Adds the outcome and ends the span at the attempt's end, measured on the same monotonic clock as its start.
   *
   * @param status the response status, or -1 without a response
   * @param failure what the client raised without a response, else null
   */
  public void end(long endNanos, int status, ErrorCategory category, RetryAfter retryAfter, Throwable failure) {
    long endEpochNanos = startEpochNanos + (endNanos - startNanos);
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, status);
    }
    String errorType = errorType(status, category, failure);
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
    }
    span.setAttribute(ERROR_CATEGORY, category.tagValue());
    span.setAttribute(ERROR_RETRYABLE, category.isRetryable(status));
    if (retryAfter.isPresent()) {
      span.setAttribute(RETRY_AFTER, retryAfter.delaySeconds());
    }
    if (category == ErrorCategory.TOO_MANY_REQUESTS) {
      Attributes event =
          retryAfter.isPresent() ? Attributes.of(RETRY_AFTER, retryAfter.delaySeconds()) : Attributes.empty();
      span.addEvent(RATE_LIMITED_EVENT, event, endEpochNanos, TimeUnit.NANOSECONDS);
    }
    if (category.isError()) {
      span.setStatus(StatusCode.ERROR, category.description());
    }
    span.end(endEpochNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * {@code error.type}: the status code for an error response, the class of the failure (looked through
   * wrappers such as {@code CompletionException}) without one, null for a success or a redirect.
   */
  static String errorType(int status, ErrorCategory category, Throwable failure) {
    if (status > 0) {
      return category.isError() ? Integer.toString(status) : null;
    }
    if (failure == null) {
      return "_OTHER";
    }
    Throwable cause = failure;
    for (int depth = 0; depth < MAX_UNWRAP && isWrapper(cause) && cause.getCause() != null; depth++) {
      cause = cause.getCause();
    }
    return cause.getClass().getName();
  }

  private static boolean isWrapper(Throwable t) {
    return t instanceof CompletionException || t instanceof ExecutionException || t instanceof UncheckedIOException;
  }
}
