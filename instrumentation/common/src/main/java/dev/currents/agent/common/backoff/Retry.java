package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;
import java.util.List;

/**
 * An attempt recognised as the retry of a failed one: what {@link RetryChains#onStart} returns, and what the
 * caller hands back to {@link RetryChains#onEnd} when the attempt ends. Immutable.
 */
public final class Retry {

  private final int number;
  private final long delayNanos;
  private final int violations;
  private final ErrorCategory trigger;
  /** The chain it belongs to: onEnd continues or closes that chain, and only while this is its retry. */
  final Chain<?> chain;

  Retry(int number, long delayNanos, int violations, ErrorCategory trigger, Chain<?> chain) {
    this.number = number;
    this.delayNanos = delayNanos;
    this.violations = violations;
    this.trigger = trigger;
    this.chain = chain;
  }

  /** 1 for the first retry of a chain: the span's {@code http.request.resend_count}. */
  public int number() {
    return number;
  }

  /** The {@code attempt} tag: {@code 1} to {@code 4}, then {@code 5+}. */
  public String attemptTag() {
    return AttemptTag.of(number);
  }

  /** From the end of the failed attempt to the start of this one: {@code currents.api.backoff.delay}. */
  public long delayNanos() {
    return delayNanos;
  }

  /** The span attribute {@code currents.backoff.delay}. */
  public double delaySeconds() {
    return delayNanos / 1e9;
  }

  /** The {@code compliant} tag: no violation. */
  public boolean compliant() {
    return violations == 0;
  }

  /** The rules this retry broke, each one {@code currents.api.backoff.violations} sample; unmodifiable. */
  public List<Violation> violations() {
    return Violation.of(violations);
  }

  /** The {@code trigger} tag: the category of the failure that opened the chain. */
  public ErrorCategory trigger() {
    return trigger;
  }

  @Override
  public String toString() {
    return "retry " + number + " after " + delayNanos / 1_000_000 + "ms of a " + trigger.tagValue() + " chain"
        + (compliant() ? "" : ", " + violations());
  }
}
