package dev.currents.agent.telemetry;

import dev.currents.agent.common.backoff.RequestKey;
import dev.currents.agent.common.backoff.Retry;

/** What the recorder learns when an attempt starts and needs again when it ends. */
final class AttemptState {

  final RequestKey key;
  final MeterLabels labels;
  /** The retry this attempt is, or null when it is not one. */
  final Retry retry;

  AttemptState(RequestKey key, MeterLabels labels, Retry retry) {
    this.key = key;
    this.labels = labels;
    this.retry = retry;
  }
}
