package dev.currents.agent.telemetry;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.metrics.RequestMetrics;

/**
 * Turns the facts an instrumentation gathered about an attempt into the agent's telemetry: classifies it once
 * (route template, error category) and hands it to each consumer.
 */
public final class TelemetryRecorder implements AttemptRecorder {

  private final RouteTemplates routes;
  private final RequestMetrics requests;

  public TelemetryRecorder(RouteTemplates routes, RequestMetrics requests) {
    this.routes = routes;
    this.requests = requests;
  }

  @Override
  public void started(Attempt attempt) {}

  @Override
  public void finished(
      Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
    ErrorCategory category =
        status > 0 ? ErrorCategory.ofStatus(status) : ErrorCategory.ofFailure(failure);
    requests.record(
        attempt.method(),
        routes.match(attempt.path()),
        status,
        category,
        attempt.client(),
        attempt.host(),
        false,
        endNanos - attempt.startNanos());
  }
}
