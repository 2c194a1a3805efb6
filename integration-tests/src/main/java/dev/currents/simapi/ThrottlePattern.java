package dev.currents.simapi;

/**
 * "N requests pass, the next M get 429, then all pass": the same sequence on every run, which retry
 * tests need and a time-based bucket cannot promise.
 */
final class ThrottlePattern implements Limiter {
    private final long okCount;
    private final long throttledCount;
    private long seen;

    ThrottlePattern(int okCount, int throttledCount) {
        this.okCount = okCount;
        this.throttledCount = throttledCount;
    }

    @Override
    public synchronized boolean tryAcquire() {
        long position = seen++;
        return position < okCount || position >= okCount + throttledCount;
    }
}
