package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;

/**
 * Receives what {@link RetryChains} observes, each event once, on the thread whose call caused it (an
 * application thread, or the sweeper's for chains it abandons), and never while the engine holds a lock.
 * {@code L} is whatever label the caller attached to the attempt (the meters' method and endpoint tags, say).
 * An exception thrown here reaches the engine's caller; the engine's state is already consistent by then.
 */
public interface BackoffListener<L> {

  /** An attempt was recognised as a retry: one {@code currents.api.backoff.delay} sample. */
  default void retry(L label, Retry retry) {}

  /** A retry broke a rule: one {@code currents.api.backoff.violations} sample, after {@link #retry}. */
  default void violation(L label, ErrorCategory trigger, Violation reason) {}

  /**
   * A chain finished, with the label of the attempt that opened it: one sample each of
   * {@code currents.api.retry.chains}, {@code .chain.attempts} and {@code .chain.duration}.
   */
  default void chainFinished(L label, ChainSummary summary) {}
}
