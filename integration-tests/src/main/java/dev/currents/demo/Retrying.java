package dev.currents.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How a retrying client of the workload retries a call that failed in a retryable way (429, 5xx, a timeout,
 * a network error): the retry code a service wraps around its HTTP client. Each makes at most
 * {@link #MAX_ATTEMPTS} attempts.
 */
public enum Retrying {
    /** Exponential backoff from {@link #FIRST_WAIT}, doubling, and never shorter than the server's Retry-After. */
    CAREFUL("careful client", "exponential backoff from 250 ms, never shorter than Retry-After") {
        @Override
        Duration waitBefore(int retry, Optional<Duration> retryAfter) {
            Duration exponential = FIRST_WAIT.multipliedBy(1L << Math.min(retry - 1, 20));
            return retryAfter.filter(advised -> advised.compareTo(exponential) > 0).orElse(exponential);
        }
    },
    /** The loop everyone writes first: send again at once, whatever the server said. */
    HAMMERING("hammering client", "resends at once, whatever the server says") {
        @Override
        Duration waitBefore(int retry, Optional<Duration> retryAfter) {
            return Duration.ZERO;
        }
    };

    /** Attempts per call at most, the first included. */
    public static final int MAX_ATTEMPTS = 6;
    /** The careful client's first wait. */
    static final Duration FIRST_WAIT = Duration.ofMillis(250);

    /** The client in a few words, e.g. "careful client". */
    public final String title;
    /** How it retries, in words. */
    public final String description;

    Retrying(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter what the failed attempt's {@code Retry-After} asked for, if it said anything
     */
    abstract Duration waitBefore(int retry, Optional<Duration> retryAfter);

    /** Whether an attempt that ended so is worth another: 429, 5xx, a timeout, a network error. */
    static boolean retryable(Observation attempt) {
        return switch (attempt.category()) {
            case "too_many_requests", "server_error", "timeout", "network_error" -> true;
            default -> false;
        };
    }

    /** A {@code Retry-After} value read as a client reads it: delta-seconds, or an HTTP-date rounded up. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, date);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
