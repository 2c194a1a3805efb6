package dev.currents.agent.common.backoff;

import java.time.Duration;

/**
 * {@code currents.agent.backoff.window}, {@code .min-delay} and {@code .max-open-chains} (SPEC section 2), in
 * the units the chain engine computes with.
 */
public final class BackoffSettings {

  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(120);
  public static final Duration DEFAULT_MIN_DELAY = Duration.ofMillis(100);
  public static final int DEFAULT_MAX_OPEN_CHAINS = 10_000;

  /**
   * Longer windows are cut to this (73 years): the engine compares {@code System.nanoTime()} values by
   * subtraction, which is only sound while every span of time it handles is far below 2^63 ns.
   */
  static final long MAX_NANOS = Long.MAX_VALUE / 4;

  private static final BackoffSettings DEFAULTS =
      of(DEFAULT_WINDOW, DEFAULT_MIN_DELAY, DEFAULT_MAX_OPEN_CHAINS);

  private final long windowNanos;
  private final long minDelayNanos;
  private final int maxOpenChains;

  private BackoffSettings(long windowNanos, long minDelayNanos, int maxOpenChains) {
    this.windowNanos = windowNanos;
    this.minDelayNanos = minDelayNanos;
    this.maxOpenChains = maxOpenChains;
  }

  public static BackoffSettings defaults() {
    return DEFAULTS;
  }

  /**
   * @param window greater than zero
   * @param minDelay zero or more; zero turns {@code no_backoff} and the {@code immediate} policy off
   * @param maxOpenChains at least 1
   * @throws IllegalArgumentException for values the configuration loader rejects anyway
   */
  public static BackoffSettings of(Duration window, Duration minDelay, int maxOpenChains) {
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("backoff window must be positive: " + window);
    }
    if (minDelay == null || minDelay.isNegative()) {
      throw new IllegalArgumentException("backoff min delay must not be negative: " + minDelay);
    }
    if (maxOpenChains < 1) {
      throw new IllegalArgumentException("max open chains must be at least 1: " + maxOpenChains);
    }
    return new BackoffSettings(saturatedNanos(window), saturatedNanos(minDelay), maxOpenChains);
  }

  private static long saturatedNanos(Duration d) {
    Duration max = Duration.ofNanos(MAX_NANOS);
    return d.compareTo(max) > 0 ? MAX_NANOS : d.toNanos();
  }

  /** How long after a retryable failure ends a new attempt of the same request counts as its retry. */
  public long windowNanos() {
    return windowNanos;
  }

  /** A retry sooner than this is {@code no_backoff}; 0 when that check is off. */
  public long minDelayNanos() {
    return minDelayNanos;
  }

  public int maxOpenChains() {
    return maxOpenChains;
  }

  @Override
  public String toString() {
    return "window=" + Duration.ofNanos(windowNanos) + " minDelay=" + Duration.ofNanos(minDelayNanos)
        + " maxOpenChains=" + maxOpenChains;
  }
}
