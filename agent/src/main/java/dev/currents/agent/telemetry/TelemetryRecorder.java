package dev.currents.agent.telemetry;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.common.backoff.RequestKey;
import dev.currents.agent.common.backoff.Retry;
import dev.currents.agent.common.backoff.RetryAfter;
import dev.currents.agent.common.backoff.RetryChains;
import dev.currents.agent.metrics.BackoffMetrics;
import dev.currents.agent.metrics.RequestMetrics;
import dev.currents.agent.tracing.AttemptSpan;
import dev.currents.agent.tracing.AttemptSpans;

/**
 * Turns the facts an instrumentation gathered about an attempt into the agent's telemetry: classifies it once
 * (route template, error category, Retry-After), links it into its retry chain, and hands it to each
 * consumer: meters, and spans when tracing is on.
 */
public final class TelemetryRecorder implements AttemptRecorder {

  private final RouteTemplates routes;
  private final RequestMetrics requests;
  private final BackoffMetrics backoff;
  private final RetryChains<MeterLabels> chains;
  private final AttemptSpans spans;
  private final MeterLabels.Interned labels = new MeterLabels.Interned();

  /** @param spans null when the agent makes no spans */
  public TelemetryRecorder(
      RouteTemplates routes,
      RequestMetrics requests,
      BackoffMetrics backoff,
      RetryChains<MeterLabels> chains,
      AttemptSpans spans) {
    this.routes = routes;
    this.requests = requests;
    this.backoff = backoff;
    this.chains = chains;
    this.spans = spans;
  }

  @Override
  public void started(Attempt attempt) {
    RequestKey key =
        RequestKey.of(
            attempt.method(),
            attempt.scheme(),
            attempt.host(),
            attempt.port(),
            attempt.path(),
            attempt.query(),
            attempt.credentialFingerprint());
    MeterLabels labels = this.labels.of(attempt.client(), attempt.method(), routes.match(attempt.path()));
    Retry retry = chains.onStart(key, labels, attempt.startNanos());
    AttemptSpan span = spans == null ? null : spans.start(attempt, labels.endpoint(), retry);
    attempt.recorderState(new AttemptState(key, labels, retry, span));
  }

  @Override
  public void finished(
      Attempt attempt, long endNanos, int status, String retryAfterHeader, Throwable failure) {
    AttemptState state = (AttemptState) attempt.recorderState();
    ErrorCategory category =
        status > 0 ? ErrorCategory.ofStatus(status) : ErrorCategory.ofFailure(failure);
    RetryAfter retryAfter = retryAfter(attempt, retryAfterHeader);
    requests.record(
        attempt.method(),
        state.labels.endpoint(),
        status,
        category,
        attempt.client(),
        attempt.host(),
        state.retry != null,
        endNanos - attempt.startNanos());
    if (retryAfter.isPresent()) {
      backoff.retryAfter(state.labels, status, retryAfter.delayMillis());
    }
    if (state.span != null) {
      state.span.end(endNanos, status, category, retryAfter, failure);
    }
    // The application has the answer only once the agent is done with it: a retry's delay counts from then, so
    // that the agent's own work (slow the first time a meter is made, on a cold JVM) never lengthens the wait
    // it judges the application by.
    long handedBack = System.nanoTime();
    chains.onEnd(
        state.key, state.labels, state.retry, attempt.startNanos(), handedBack, category, status, retryAfter);
  }

  @Override
  public Object currentParent() {
    return spans == null ? null : spans.currentParent();
  }

  private static RetryAfter retryAfter(Attempt attempt, String header) {
    if (header == null) {
      return RetryAfter.ABSENT;
    }
    RetryAfter parsed = RetryAfter.parse(header, System.currentTimeMillis());
    if (parsed.kind() == RetryAfter.Kind.MALFORMED) {
      AgentLog.warnOnce(
          "malformed Retry-After",
          "ignoring a malformed Retry-After header from "
              + attempt.host()
              + " ("
              + printable(header)
              + "); such responses count as having none. Further ones are ignored silently");
    }
    return parsed;
  }

  /** At most 40 printable characters: the header comes from the network and may be anything. */
  private static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && out.length() < 40; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return '"' + out.toString() + (value.length() > 40 ? "...\"" : "\"");
  }
}
