package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;

/**
 * A finished retry chain: the tags and values of {@code currents.api.retry.chains},
 * {@code currents.api.retry.chain.attempts} and {@code currents.api.retry.chain.duration}.
 */
public final class ChainSummary {

  private final ErrorCategory trigger;
  private final ChainResult result;
  private final BackoffPolicy policy;
  private final int retries;
  private final long durationNanos;
  private final boolean evicted;

  ChainSummary(
      ErrorCategory trigger,
      ChainResult result,
      BackoffPolicy policy,
      int retries,
      long durationNanos,
      boolean evicted) {
    this.trigger = trigger;
    this.result = result;
    this.policy = policy;
    this.retries = retries;
    this.durationNanos = durationNanos;
    this.evicted = evicted;
  }

  public ErrorCategory trigger() {
    return trigger;
  }

  public ChainResult result() {
    return result;
  }

  public BackoffPolicy policy() {
    return policy;
  }

  /**
   * Every attempt of the chain, the failed one that opened it included: a chain that recovered on its first
   * retry has 2. So a client that retries up to three times shows at most 4, and a failure nobody retried 1.
   */
  public int attempts() {
    return retries + 1;
  }

  public int retries() {
    return retries;
  }

  /**
   * From the first attempt's start to the last attempt's end. A chain abandoned with a retry still running
   * (one that never reported its end within a window) ends at its last failure.
   */
  public long durationNanos() {
    return durationNanos;
  }

  /** Abandoned early because {@code currents.agent.backoff.max-open-chains} chains were open. */
  public boolean evicted() {
    return evicted;
  }

  @Override
  public String toString() {
    return trigger.tagValue() + " chain " + result.tagValue() + " after " + attempts() + " attempts ("
        + policy.tagValue() + ", " + durationNanos / 1_000_000 + "ms" + (evicted ? ", evicted" : "") + ")";
  }
}
