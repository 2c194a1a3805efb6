package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;

/** The rules of SPEC section 5 for one retry. */
final class Compliance {

  private Compliance() {}

  /**
   * The violations of a retry that waited {@code waitNanos}, as a {@link Violation} bit mask. With
   * {@code Retry-After} on the failure before it, the only rule is to honour it; without, the wait must be
   * at least the minimum delay, and a 429 chain must have grown by its third retry.
   *
   * @param waits the chain's waits including this one
   * @param notIncreasingReported whether the chain has had its {@code not_increasing} already (once per chain)
   */
  static int violations(
      long waitNanos,
      RetryAfter retryAfter,
      int retryNumber,
      ErrorCategory trigger,
      WaitStats waits,
      boolean notIncreasingReported,
      long minDelayNanos) {
    if (retryAfter.isPresent()) {
      return honours(waitNanos, retryAfter) ? 0 : Violation.RETRY_AFTER_IGNORED.bit();
    }
    int violations = 0;
    if (waitNanos < minDelayNanos) {
      violations |= Violation.NO_BACKOFF.bit();
    }
    if (!notIncreasingReported
        && trigger == ErrorCategory.TOO_MANY_REQUESTS
        && retryNumber >= BackoffThresholds.NOT_INCREASING_FROM_RETRY
        && !waits.steppedUp()) {
      violations |= Violation.NOT_INCREASING.bit();
    }
    return violations;
  }

  /** Whether a wait honours a present {@code Retry-After}: at least as long, less the tolerance. */
  static boolean honours(long waitNanos, RetryAfter retryAfter) {
    long askedNanos = retryAfter.delayMillis() * 1_000_000L;
    return waitNanos >= askedNanos - retryAfterToleranceNanos(retryAfter);
  }

  /**
   * Whether a wait followed a present {@code Retry-After}, so that the advice, not the client, explains it: the
   * advice is above zero (every wait is "at least 0 s"), the wait honours it, and it is not far beyond it (at
   * most {@link BackoffThresholds#RETRY_AFTER_FOLLOWED_SPREAD} times, plus the measurement slack and, for an
   * HTTP-date, its granularity). A client waiting its own exponential backoff that happens to exceed a short
   * advice honours it without following it.
   */
  static boolean follows(long waitNanos, RetryAfter retryAfter) {
    long askedNanos = retryAfter.delayMillis() * 1_000_000L;
    if (askedNanos <= 0 || !honours(waitNanos, retryAfter)) {
      return false;
    }
    long allowed = (long) (askedNanos * BackoffThresholds.RETRY_AFTER_FOLLOWED_SPREAD)
        + BackoffThresholds.MEASUREMENT_SLACK_NANOS;
    if (retryAfter.kind() == RetryAfter.Kind.HTTP_DATE) {
      allowed += BackoffThresholds.HTTP_DATE_GRANULARITY_NANOS;
    }
    return waitNanos <= allowed;
  }

  static long retryAfterToleranceNanos(RetryAfter retryAfter) {
    long askedNanos = retryAfter.delayMillis() * 1_000_000L;
    long tolerance =
        BackoffThresholds.MEASUREMENT_SLACK_NANOS
            + (long) (askedNanos * BackoffThresholds.RETRY_AFTER_RELATIVE_TOLERANCE);
    if (retryAfter.kind() == RetryAfter.Kind.HTTP_DATE) {
      tolerance += BackoffThresholds.HTTP_DATE_GRANULARITY_NANOS;
    }
    return tolerance;
  }

  /** Whether {@code nextNanos} is clearly longer than {@code previousNanos}, beyond jitter and measurement. */
  static boolean isStepUp(long previousNanos, long nextNanos) {
    return nextNanos
        > previousNanos * BackoffThresholds.STEP_UP_FACTOR + BackoffThresholds.MEASUREMENT_SLACK_NANOS;
  }
}
