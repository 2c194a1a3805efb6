package dev.currents.agent.common.backoff;

import java.util.Locale;

/**
 * The {@code policy} tag of a finished retry chain: what the client's waits looked like (SPEC section 4). The
 * rules and their thresholds are in {@link BackoffThresholds} and BACKOFF-THRESHOLDS.md.
 */
public enum BackoffPolicy {
  /** Every wait shorter than {@code currents.agent.backoff.min-delay}. */
  IMMEDIATE,
  /** Waits about equal. */
  CONSTANT,
  /** Waits growing about geometrically, jittered or not. */
  EXPONENTIAL,
  /**
   * Every failure carried a {@code Retry-After} above zero, and every retry waited about that long: at least
   * the advice, and not far beyond it. The server's advice, not the client's own choice, explains the waits.
   */
  RETRY_AFTER,
  /** The waits shrank: none clearly longer than the first, the last clearly shorter. */
  IRREGULAR,
  /**
   * The client waited, but its waits are too few (two retries) or too scattered to tell fixed waits from
   * jittered growing ones: honestly neither {@code constant} nor {@code exponential}.
   */
  INCONCLUSIVE,
  /** One retry, or none: a single wait shows no pattern. */
  SINGLE;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  public String tagValue() {
    return tagValue;
  }
}
