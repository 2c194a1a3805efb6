package dev.currents.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    @Test
    void secondsModeSendsTheNumber() {
        assertEquals(Optional.of("3"), Throttle.RETRY_AFTER_SECONDS.retryAfter(3, Instant.now()));
    }

    @Test
    void httpDateIsImfFixdateWithATwoDigitDay() {
        Instant now = Instant.parse("2026-11-05T09:04:07Z");
        assertEquals(Optional.of("Thu, 05 Nov 2026 09:04:12 GMT"), Throttle.RETRY_AFTER_HTTP_DATE.retryAfter(5, now));
    }

    @Test
    void httpDateRoundsUpSoAWaitUntilItIsLongEnough() {
        Instant now = Instant.parse("2026-11-05T09:04:07.300Z");
        assertEquals(Optional.of("Thu, 05 Nov 2026 09:04:13 GMT"), Throttle.RETRY_AFTER_HTTP_DATE.retryAfter(5, now));
    }

    @Test
    void noRetryAfterModeSendsNothing() {
        assertTrue(Throttle.NO_RETRY_AFTER.retryAfter(5, Instant.now()).isEmpty());
    }
}
