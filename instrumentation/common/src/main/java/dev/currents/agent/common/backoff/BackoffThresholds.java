package dev.currents.agent.common.backoff;

import java.util.concurrent.TimeUnit;

/**
 * Every number behind compliance and {@code policy}, with its reason; BACKOFF-THRESHOLDS.md at the module root
 * explains them at length with the classification rates they give. The rates quoted are from
 * BackoffPolicyStatisticsTest (200 seeded chains of 4 to 6 retries per policy).
 */
final class BackoffThresholds {

  /**
   * What we measure (failure end to retry start, on the application's threads) differs from what the client
   * timed by the time between its reading the header and our end mark, and by thread scheduling: milliseconds,
   * tens of them under load or a GC pause. Any comparison of a wait is allowed this much, absolutely.
   */
  static final long MEASUREMENT_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  /**
   * A retry that waited 98% of {@code Retry-After} has honoured it for every practical purpose (the server's
   * limit window is not that sharp, and clients convert to their own time units); one that waited 90% has
   * not. Scales with the delay where the absolute slack does not.
   */
  static final double RETRY_AFTER_RELATIVE_TOLERANCE = 0.02;

  /**
   * An HTTP-date has one-second granularity, and clients commonly turn it into whole seconds rounding down
   * ({@code Duration.between(now, date).getSeconds()}): up to a second short of our exact reading.
   */
  static final long HTTP_DATE_GRANULARITY_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** SPEC section 5: {@code not_increasing} is judged from the third retry on. */
  static final int NOT_INCREASING_FROM_RETRY = 3;

  /**
   * A wait is a step up from the one before when it is longer by more than this factor (plus the slack).
   * {@code not_increasing} means no step up in the chain: fixed and shrinking waits never step up, while
   * jittered exponential backoff does within three retries unless its draws happen to fall (full jitter 4%,
   * decorrelated 5%: those chains really did not grow). 10% absorbs the jitter libraries add to fixed waits
   * (92% of fixed waits with +-10% jitter are still flagged).
   */
  static final double STEP_UP_FACTOR = 1.10;

  /**
   * {@code constant}: the longest wait at most this factor (plus the slack) above the shortest. Fixed waits
   * with up to +-10% jitter stay under 1.22; the gentlest exponential in use, x1.3, exceeds it from its
   * second step (x1.69).
   */
  static final double CONSTANT_SPREAD = 1.25;

  /**
   * {@code exponential}: the envelope of the waits (longest so far, plus the slack) grows at least this much
   * per retry on a least-squares fit of its logarithm. Jitter schemes draw each wait below a ceiling that
   * grows geometrically; the running maximum tracks the ceiling and ignores the short draws that make the
   * raw waits noisy. x1.2 takes in every multiplier in use (1.3 to 3) with jitter pulling the fit down,
   * while random waits with no trend (a uniform draw in [1 s, 3 s] each time) mostly stay below it.
   */
  static final double EXPONENTIAL_GROWTH = 1.2;

  /**
   * {@code retry_after} needs every wait to follow the advice: at most this many times it (plus the slack). A
   * client following {@code Retry-After} waits the advice plus its own overhead, or plus a jitter of up to as
   * long again; a wait beyond twice the advice is the client's own choice, which a short advice merely did
   * not forbid (a client waiting 1.5 s, 3 s, 6 s after {@code Retry-After: 1} backs off exponentially).
   */
  static final double RETRY_AFTER_FOLLOWED_SPREAD = 2.0;

  /**
   * Below this many waits a chain (not immediate, not following Retry-After) is {@code inconclusive}. Two waits
   * cannot tell fixed waits from jittered exponential ones: Reactor's {@code Retry.backoff(n, 200ms)} draws its
   * first two waits in [200, 300] and [200, 600] ms, within 25% of each other in about four chains in ten.
   */
  static final int SHAPE_FROM_WAITS = 3;

  private BackoffThresholds() {}
}
