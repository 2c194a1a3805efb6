package dev.currents.simapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * How a 429 tells the client when to come back. The real API documents no header; clients must cope
 * with all three, so the simulator offers all three.
 */
public enum Throttle {
    /** {@code Retry-After: 2} */
    RETRY_AFTER_SECONDS {
        @Override
        Optional<String> retryAfter(long seconds, Instant now) {
            return Optional.of(Long.toString(seconds));
        }
    },
    /** {@code Retry-After: Wed, 25 Nov 2026 10:04:36 GMT} (IMF-fixdate) */
    RETRY_AFTER_HTTP_DATE {
        @Override
        Optional<String> retryAfter(long seconds, Instant now) {
            // An HTTP-date has whole seconds: round up, so a client that waits until the date has waited
            // at least the configured time, and a compliant client is never judged early.
            Instant notBefore = now.plusSeconds(seconds);
            Instant rounded = notBefore.truncatedTo(ChronoUnit.SECONDS);
            if (rounded.isBefore(notBefore)) {
                rounded = rounded.plusSeconds(1);
            }
            return Optional.of(IMF_FIXDATE.format(rounded));
        }
    },
    /** A bare 429, as the real API sends it: the client has to pick its own backoff. */
    NO_RETRY_AFTER {
        @Override
        Optional<String> retryAfter(long seconds, Instant now) {
            return Optional.empty();
        }
    };

    /** RFC 9110 section 5.6.7; {@code RFC_1123_DATE_TIME} is not it, it drops the day's leading zero. */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The value of the {@code Retry-After} header, if this mode sends one. */
    abstract Optional<String> retryAfter(long seconds, Instant now);
}
