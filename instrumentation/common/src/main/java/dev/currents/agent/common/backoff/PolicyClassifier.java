package dev.currents.agent.common.backoff;

/**
 * Names what a finished chain's waits looked like. The tests run in this order, so each name means "and none
 * of the ones before": a Retry-After that dictated equal waits is {@code retry_after}, not {@code constant}.
 */
final class PolicyClassifier {

  private PolicyClassifier() {}

  static BackoffPolicy classify(WaitStats waits, long minDelayNanos) {
    if (waits.count() <= 1) {
      return BackoffPolicy.SINGLE;
    }
    if (waits.everyRetryAfterFollowed()) {
      return BackoffPolicy.RETRY_AFTER;
    }
    if (waits.longestNanos() < minDelayNanos) {
      return BackoffPolicy.IMMEDIATE;
    }
    if (waits.count() < BackoffThresholds.SHAPE_FROM_WAITS) {
      // Two draws of a jittered exponential backoff land within 25% of each other often enough (Reactor's
      // default jitter: four chains in ten) that any name from their shape would flip between runs.
      return BackoffPolicy.INCONCLUSIVE;
    }
    if (waits.longestNanos()
        <= waits.shortestNanos() * BackoffThresholds.CONSTANT_SPREAD + BackoffThresholds.MEASUREMENT_SLACK_NANOS) {
      return BackoffPolicy.CONSTANT;
    }
    if (waits.envelopeGrowthPerRetry() >= BackoffThresholds.EXPONENTIAL_GROWTH) {
      return BackoffPolicy.EXPONENTIAL;
    }
    if (!Compliance.isStepUp(waits.firstNanos(), waits.longestNanos())
        && Compliance.isStepUp(waits.lastNanos(), waits.firstNanos())) {
      // Shrank: no wait clearly above the first, and the last clearly below it. Nothing jittered exponential
      // draws looks like that more than now and then.
      return BackoffPolicy.IRREGULAR;
    }
    // Scattered without growing steadily: random waits with no trend, or a jittered backoff whose draws did
    // not show its growth (decorrelated jitter staying near its base). The waits cannot say which.
    return BackoffPolicy.INCONCLUSIVE;
  }
}
