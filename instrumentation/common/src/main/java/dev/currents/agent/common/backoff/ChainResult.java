package dev.currents.agent.common.backoff;

import java.util.Locale;

/** The {@code result} tag of a finished retry chain (SPEC section 4). */
public enum ChainResult {
  /** Ended in a non-error response (ok, redirect). */
  RECOVERED,
  /** Ended in a non-retryable error: 401 after 429, a cancelled retry, and so on. */
  FAILED,
  /** No retry within the window, or closed early because of the bound on open chains. */
  ABANDONED;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  public String tagValue() {
    return tagValue;
  }
}
