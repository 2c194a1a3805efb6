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
  /** Every failure carried {@code Retry-After} and every retry honoured it. */
  RETRY_AFTER,
  /** None of the above. */
  IRREGULAR,
  /** One retry, or none: a single wait shows no pattern. */
  SINGLE;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  public String tagValue() {
    return tagValue;
  }
}
