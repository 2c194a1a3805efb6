/**
 * The backoff model of SPEC section 5, as plain logic: no threads, no clocks, no logging.
 *
 * <p>Wiring, per attempt to a Currents host ({@code System.nanoTime()} for every time):
 *
 * <pre>{@code
 * RetryChains<Labels> chains = new RetryChains<>(settings, listener, () -> LockSupport.unpark(sweeper));
 *
 * // start
 * RequestKey key = RequestKey.of(method, scheme, host, port, path, query, credentialFingerprint);
 * Retry retry = chains.onStart(key, labels, startNanos);      // null: not a retry (resend=false)
 *
 * // end
 * RetryAfter retryAfter = RetryAfter.parse(header, System.currentTimeMillis());
 * chains.onEnd(key, labels, retry, startNanos, endNanos, category, status, retryAfter);
 *
 * // sweeper thread
 * long sleep = chains.expire(System.nanoTime());
 * if (sleep == RetryChains.NO_OPEN_CHAINS) LockSupport.park(); else LockSupport.parkNanos(sleep);
 * }</pre>
 *
 * The listener turns {@link dev.currents.agent.common.backoff.BackoffListener#retry retry},
 * {@link dev.currents.agent.common.backoff.BackoffListener#violation violation} and
 * {@link dev.currents.agent.common.backoff.BackoffListener#chainFinished chainFinished} events into the
 * meters of SPEC section 4. The thresholds are in {@code BACKOFF-THRESHOLDS.md}.
 */
package dev.currents.agent.common.backoff;
