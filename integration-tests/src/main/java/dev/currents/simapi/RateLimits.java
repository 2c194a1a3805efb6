package dev.currents.simapi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every key's rate-limit state. A key's state is made on its first request, from its configured limit. */
final class RateLimits {
    private final Map<String, RateLimit> configured;
    private final RateLimit fallback;
    private final ConcurrentHashMap<String, KeyState> states = new ConcurrentHashMap<>();

    private record KeyState(RateLimit limit, Limiter limiter) {
        KeyState(RateLimit limit) {
            this(limit, limit.newLimiter());
        }
    }

    RateLimits(Map<String, RateLimit> configured, RateLimit fallback) {
        this.configured = Map.copyOf(configured);
        this.fallback = fallback;
    }

    /** Empty when the request passes, else the limit that throttled it (its 429 says how). */
    Optional<RateLimit> acquire(String key) {
        KeyState state = states.computeIfAbsent(key, k -> new KeyState(configured.getOrDefault(k, fallback)));
        return state.limiter().tryAcquire() ? Optional.empty() : Optional.of(state.limit());
    }

    /** Replaces a key's limit with fresh state, until {@link #reset()}. */
    void set(String key, RateLimit limit) {
        states.put(key, new KeyState(limit));
    }

    /** Back to the configured limits, every bucket full and every pattern at its start. */
    void reset() {
        states.clear();
    }
}
