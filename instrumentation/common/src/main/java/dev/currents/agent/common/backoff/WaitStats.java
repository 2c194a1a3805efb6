package dev.currents.agent.common.backoff;

/**
 * The waits of one chain, summarised as they come: everything that compliance and the policy need, in constant
 * space, so that a client retrying in a tight loop cannot grow a chain. Guarded by the chain's monitor.
 */
final class WaitStats {

  private int count;
  private long shortestNanos = Long.MAX_VALUE;
  private long longestNanos;
  private long firstNanos;
  private long previousNanos;
  private boolean steppedUp;
  private boolean everyRetryAfterFollowed = true;

  // Least-squares fit of y = ln(longest wait so far + slack) against x = retry number.
  private double sumX;
  private double sumY;
  private double sumXY;
  private double sumXX;

  /**
   * @param retryAfterFollowed the failure before this wait carried a {@code Retry-After} above zero and the wait
   *     followed it ({@link Compliance#follows})
   */
  void add(long waitNanos, boolean retryAfterFollowed) {
    if (count > 0 && Compliance.isStepUp(previousNanos, waitNanos)) {
      steppedUp = true;
    }
    if (count == 0) {
      firstNanos = waitNanos;
    }
    count++;
    previousNanos = waitNanos;
    shortestNanos = Math.min(shortestNanos, waitNanos);
    longestNanos = Math.max(longestNanos, waitNanos);
    everyRetryAfterFollowed &= retryAfterFollowed;
    double x = count;
    double y = Math.log((double) longestNanos + BackoffThresholds.MEASUREMENT_SLACK_NANOS);
    sumX += x;
    sumY += y;
    sumXY += x * y;
    sumXX += x * x;
  }

  int count() {
    return count;
  }

  long shortestNanos() {
    return shortestNanos;
  }

  long longestNanos() {
    return longestNanos;
  }

  long firstNanos() {
    return firstNanos;
  }

  /** The last wait so far. */
  long lastNanos() {
    return previousNanos;
  }

  /** Whether some wait was clearly longer than the one before it. */
  boolean steppedUp() {
    return steppedUp;
  }

  /** Whether every wait followed a {@code Retry-After} above zero (true when there is no wait). */
  boolean everyRetryAfterFollowed() {
    return everyRetryAfterFollowed;
  }

  /** The factor by which the envelope of the waits grows per retry; 1 with fewer than two waits. */
  double envelopeGrowthPerRetry() {
    if (count < 2) {
      return 1;
    }
    double n = count;
    double slope = (n * sumXY - sumX * sumY) / (n * sumXX - sumX * sumX);
    return Math.exp(slope);
  }
}
