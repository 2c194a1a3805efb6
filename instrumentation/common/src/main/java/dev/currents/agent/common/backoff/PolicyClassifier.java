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
    if (waits.everyRetryAfterHonoured()) {
      return BackoffPolicy.RETRY_AFTER;
    }
    if (waits.longestNanos() < minDelayNanos) {
      return BackoffPolicy.IMMEDIATE;
    }
    if (waits.longestNanos()
        <= waits.shortestNanos() * BackoffThresholds.CONSTANT_SPREAD + BackoffThresholds.MEASUREMENT_SLACK_NANOS) {
      return BackoffPolicy.CONSTANT;
    }
    if (waits.envelopeGrowthPerRetry() >= BackoffThresholds.EXPONENTIAL_GROWTH) {
      return BackoffPolicy.EXPONENTIAL;
    }
    return BackoffPolicy.IRREGULAR;
  }
}
