package dev.currents.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void startsFullAndEmpties() {
        TokenBucket bucket = new TokenBucket(3, 1, now::get);
        assertTrue(bucket.tryAcquire());
        assertTrue(bucket.tryAcquire());
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire());
    }

    @Test
    void refillsAtItsRateAndNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(2, 4, now::get); // a token every 250 ms
        bucket.tryAcquire();
        bucket.tryAcquire();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(240));
        assertFalse(bucket.tryAcquire());
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
        assertTrue(bucket.tryAcquire());
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        assertTrue(bucket.tryAcquire());
        assertTrue(bucket.tryAcquire());
        assertFalse(bucket.tryAcquire(), "capacity caps the refill");
    }

    @Test
    void zeroRefillNeverRefills() {
        TokenBucket bucket = new TokenBucket(1, 0, now::get);
        assertTrue(bucket.tryAcquire());
        now.addAndGet(TimeUnit.DAYS.toNanos(1));
        assertFalse(bucket.tryAcquire());
    }

    @Test
    void throttlePatternIsExact() {
        ThrottlePattern pattern = new ThrottlePattern(1, 2);
        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            passed.add(pattern.tryAcquire());
        }
        assertEquals(List.of(true, false, false, true, true), passed);
    }
}
