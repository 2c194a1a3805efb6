package dev.currents.simapi;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The rate limit of an API or record key, and how its 429s look. Immutable; each key gets its own state
 * from it.
 *
 * <pre>{@code
 * RateLimit.tokenBucket(5, 1.0).throttle(Throttle.RETRY_AFTER_HTTP_DATE, 3)
 * RateLimit.pattern(2, 3)   // 2 pass, 3 get 429, then every request passes
 * }</pre>
 */
public final class RateLimit {
    /** Unless told otherwise a 429 says {@code Retry-After: 1}. */
    static final Throttle DEFAULT_THROTTLE = Throttle.RETRY_AFTER_SECONDS;
    static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

    private final String description;
    private final Supplier<Limiter> limiters;
    private final Throttle throttle;
    private final long retryAfterSeconds;

    private RateLimit(String description, Supplier<Limiter> limiters, Throttle throttle, long retryAfterSeconds) {
        this.description = description;
        this.limiters = limiters;
        this.throttle = throttle;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Every request passes. */
    public static RateLimit unlimited() {
        return new RateLimit("unlimited", () -> () -> true, DEFAULT_THROTTLE, DEFAULT_RETRY_AFTER_SECONDS);
    }

    /**
     * A bucket of {@code capacity} tokens, full at first, refilled at {@code refillPerSecond} (0: never).
     */
    public static RateLimit tokenBucket(int capacity, double refillPerSecond) {
        if (capacity < 0 || refillPerSecond < 0) {
            throw new IllegalArgumentException("capacity and refill rate must not be negative");
        }
        return new RateLimit("token bucket of " + capacity + " refilled at " + refillPerSecond + "/s",
                () -> new TokenBucket(capacity, refillPerSecond, System::nanoTime),
                DEFAULT_THROTTLE, DEFAULT_RETRY_AFTER_SECONDS);
    }

    /** The first {@code okCount} requests pass, the next {@code throttledCount} get 429, then all pass. */
    public static RateLimit pattern(int okCount, int throttledCount) {
        if (okCount < 0 || throttledCount < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        return new RateLimit(okCount + " ok then " + throttledCount + " throttled",
                () -> new ThrottlePattern(okCount, throttledCount),
                DEFAULT_THROTTLE, DEFAULT_RETRY_AFTER_SECONDS);
    }

    /** The same limit whose 429s carry {@code Retry-After} in the given form and value. */
    public RateLimit throttle(Throttle throttle, long retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
        return new RateLimit(description, limiters, Objects.requireNonNull(throttle), retryAfterSeconds);
    }

    /** The same limit whose 429s use the given form, with the current Retry-After value. */
    public RateLimit throttle(Throttle throttle) {
        return throttle(throttle, retryAfterSeconds);
    }

    Limiter newLimiter() {
        return limiters.get();
    }

    Throttle throttleMode() {
        return throttle;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String toString() {
        return description + ", 429 with " + throttle + (throttle == Throttle.NO_RETRY_AFTER ? "" : " " + retryAfterSeconds + "s");
    }
}
