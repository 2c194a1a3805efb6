package dev.currents.agent.telemetry;

import dev.currents.agent.common.backoff.RequestKey;
import dev.currents.agent.common.backoff.Retry;
import dev.currents.agent.tracing.AttemptSpan;

/** What the recorder learns when an attempt starts and needs again when it ends. */
final class AttemptState {

  final RequestKey key;
  final MeterLabels labels;
  /** The retry this attempt is, or null when it is not one. */
  final Retry retry;
  /** The attempt's span, or null when the agent makes none. */
  final AttemptSpan span;

  AttemptState(RequestKey key, MeterLabels labels, Retry retry, AttemptSpan span) {
    this.key = key;
    this.labels = labels;
    this.retry = retry;
    this.span = span;
  }
}
