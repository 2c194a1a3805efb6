package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;

/**
 * One open retry chain of one request: waiting for a retry of its last failure, or waiting for the end of
 * that retry. Its state is guarded by its own monitor, so requests contend only with themselves; the links
 * at the bottom belong to {@link ChainOrder}.
 */
final class Chain<L> {

  final RequestKey key;
  /** The label of the attempt that opened the chain, for its chainFinished event. */
  final L label;
  final ErrorCategory trigger;
  private final long firstStartNanos;
  private final BackoffSettings settings;

  // Guarded by this.
  private long lastFailureEndNanos;
  private RetryAfter lastRetryAfter;
  /** The retry whose end is awaited, or null while awaiting a retry. */
  private Retry retryInFlight;
  private long retryStartNanos;
  private int retries;
  private boolean notIncreasingReported;
  private final WaitStats waits = new WaitStats();
  /** Written under this monitor, read without it by the opener that finds the chain in its way. */
  private volatile boolean closed;

  // Guarded by ChainOrder's stripe lock, and written only while this monitor is held too.
  long orderedDeadlineNanos;
  Chain<?> older;
  Chain<?> newer;
  boolean linked;

  Chain(
      RequestKey key,
      L label,
      ErrorCategory trigger,
      long startNanos,
      long endNanos,
      RetryAfter retryAfter,
      BackoffSettings settings) {
    this.key = key;
    this.label = label;
    this.trigger = trigger;
    this.firstStartNanos = startNanos;
    this.lastFailureEndNanos = endNanos;
    this.lastRetryAfter = retryAfter;
    this.settings = settings;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * The first instant at which the chain is abandoned: a window after its last failure, or, while a retry
   * runs, a window after that retry started, so that an end that never comes cannot keep it open.
   */
  long deadlineNanos() {
    long from = retryInFlight != null ? retryStartNanos : lastFailureEndNanos;
    return from + settings.windowNanos() + 1;
  }

  boolean isExpiredAt(long nanos) {
    return nanos - deadlineNanos() >= 0;
  }

  /**
   * The retry that an attempt starting now would be, or null: when a retry of the last failure is already
   * running (this attempt is a concurrent duplicate), or when the attempt started before the failure ended.
   * Call only on an open chain that has not expired at {@code startNanos}.
   */
  Retry claimRetry(long startNanos) {
    long waitNanos = startNanos - lastFailureEndNanos;
    if (retryInFlight != null || waitNanos < 0) {
      return null;
    }
    int number = ++retries;
    waits.add(waitNanos, lastRetryAfter.isPresent() && Compliance.follows(waitNanos, lastRetryAfter));
    int violations =
        Compliance.violations(
            waitNanos,
            lastRetryAfter,
            number,
            trigger,
            waits,
            notIncreasingReported,
            settings.minDelayNanos());
    notIncreasingReported |= (violations & Violation.NOT_INCREASING.bit()) != 0;
    retryInFlight = new Retry(number, waitNanos, violations, trigger, this);
    retryStartNanos = startNanos;
    return retryInFlight;
  }

  /** Whether {@code retry} is this open chain's running retry: only its end moves the chain on. */
  boolean isAwaitingEndOf(Retry retry) {
    return !closed && retryInFlight == retry;
  }

  /** The running retry failed in a retryable way: the chain now waits for a retry of that failure. */
  void retryFailed(long endNanos, RetryAfter retryAfter) {
    retryInFlight = null;
    lastFailureEndNanos = endNanos;
    lastRetryAfter = retryAfter;
  }

  /** Closes the chain on the end of its running retry: recovered or failed. */
  ChainSummary finish(ChainResult result, long endNanos) {
    return close(result, endNanos, false);
  }

  /** Closes the chain as abandoned: its window passed, or it was evicted; it ends at its last failure. */
  ChainSummary abandon(boolean evicted) {
    return close(ChainResult.ABANDONED, lastFailureEndNanos, evicted);
  }

  private ChainSummary close(ChainResult result, long lastEndNanos, boolean evicted) {
    closed = true;
    retryInFlight = null;
    BackoffPolicy policy = PolicyClassifier.classify(waits, settings.minDelayNanos());
    return new ChainSummary(trigger, result, policy, retries, lastEndNanos - firstStartNanos, evicted);
  }
}
