package dev.currents.simapi;

/** The state of one key's rate limit: decides, request by request, whether it passes. */
interface Limiter {
    /** True when the request passes; false when it gets a 429. Called once per request, from many threads. */
    boolean tryAcquire();
}
