package dev.currents.agent.common.backoff;

import dev.currents.agent.common.ErrorCategory;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backoff model of SPEC section 5: recognises retries among the attempts it is told about, judges their
 * waits, and reports each retry and each finished chain to a {@link BackoffListener}. Plain logic: it reads no
 * clock (every time is passed in, as {@code System.nanoTime()} values) and runs no thread.
 *
 * <p>Calls: {@link #onStart} and {@link #onEnd} for every attempt, from any number of threads at once;
 * {@link #expire} from one sweeper thread, which sleeps for as long as it returns. A request that never fails
 * costs one map lookup at its start and none at its end. Chains of different requests share no lock except,
 * when chains open, continue or close, one of a few stripe locks held for a few pointer moves.
 *
 * <p>Bounded: beyond {@link BackoffSettings#maxOpenChains()} open chains, the chain with the oldest last
 * activity is closed as abandoned ({@link ChainSummary#evicted()}): the one closest to its deadline anyway.
 * Under concurrent opening the bound can be passed by the number of opening threads for an instant, and an
 * extra chain may be evicted. A closed chain leaves nothing behind.
 *
 * @param <L> the caller's label for an attempt, handed back in events
 */
public final class RetryChains<L> {

  /** What {@link #expire} returns when no chain is open: park until {@code wakeSweeper} runs. */
  public static final long NO_OPEN_CHAINS = Long.MAX_VALUE;

  private static final Runnable NOTHING = () -> {};

  private final BackoffSettings settings;
  private final BackoffListener<L> listener;
  private final Runnable wakeSweeper;
  private final ConcurrentHashMap<RequestKey, Chain<L>> open = new ConcurrentHashMap<>();
  private final ChainOrder order = new ChainOrder();
  /** Chains opened and not yet closed; the bound and the sweeper's "nothing to do" are read from it. */
  private final AtomicInteger openCount = new AtomicInteger();

  public RetryChains(BackoffSettings settings, BackoffListener<L> listener) {
    this(settings, listener, NOTHING);
  }

  /**
   * @param wakeSweeper run when a chain opens while none was open, on the opening thread; typically
   *     {@code () -> LockSupport.unpark(sweeper)}, which also covers a wake-up that comes before the park
   */
  public RetryChains(BackoffSettings settings, BackoffListener<L> listener, Runnable wakeSweeper) {
    this.settings = settings;
    this.listener = listener;
    this.wakeSweeper = wakeSweeper;
  }

  /**
   * An attempt of {@code key} started. Returns the {@link Retry} it is when it starts within the window after
   * the end of its request's last retryable failure and no other attempt is that failure's retry yet; else
   * null. Pass the result to {@link #onEnd}.
   */
  public Retry onStart(RequestKey key, L label, long startNanos) {
    for (;;) {
      Chain<L> chain = open.get(key);
      if (chain == null) {
        return null;
      }
      Retry retry = null;
      ChainSummary abandoned = null;
      synchronized (chain) {
        if (chain.isClosed()) {
          // It left the map before this monitor was free: look again, a fresh chain may have taken its place.
          continue;
        }
        if (chain.isExpiredAt(startNanos)) {
          // Too late to be a retry; the sweeper has not come round to it yet.
          abandoned = removeClosed(chain, chain.abandon(false));
        } else {
          retry = chain.claimRetry(startNanos);
          if (retry != null) {
            order.touch(chain);
          }
        }
      }
      if (abandoned != null) {
        listener.chainFinished(chain.label, abandoned);
      }
      if (retry != null) {
        reportRetry(label, retry);
      }
      return retry;
    }
  }

  /**
   * An attempt of {@code key} ended: {@code category} and {@code status} ({@code 0} without a response)
   * classify it, {@code retryAfter} is its parsed header ({@link RetryAfter#ABSENT} when none). A retryable
   * failure opens a chain, or continues the one whose retry this was; the end of a chain's retry in any other
   * way closes it: {@code recovered} on ok or redirect, {@code failed} on a non-retryable error. The end of an
   * attempt that is not its chain's retry (a concurrent duplicate) leaves an open chain alone.
   *
   * @param retry what {@link #onStart} returned for this attempt
   */
  public void onEnd(
      RequestKey key,
      L label,
      Retry retry,
      long startNanos,
      long endNanos,
      ErrorCategory category,
      int status,
      RetryAfter retryAfter) {
    boolean retryable = category.isRetryable(status);
    if (retry != null && endOfRetry(retry, endNanos, category, retryable, retryAfter)) {
      return;
    }
    if (retryable) {
      openChain(key, label, startNanos, endNanos, category, retryAfter);
    }
  }

  /**
   * Closes as abandoned every chain whose window has passed at {@code nowNanos}. Returns how long the sweeper
   * may sleep before the next chain can expire, in nanoseconds, or {@link #NO_OPEN_CHAINS}. A chain opened or
   * continued meanwhile never expires sooner than that, so the sweeper needs waking only for
   * {@code NO_OPEN_CHAINS}, which the constructor's {@code wakeSweeper} does.
   */
  public long expire(long nowNanos) {
    long sleepNanos = NO_OPEN_CHAINS;
    for (int stripe = 0; stripe < order.stripeCount(); stripe++) {
      sleepNanos = Math.min(sleepNanos, expireStripe(stripe, nowNanos));
    }
    if (sleepNanos == NO_OPEN_CHAINS && openCount.get() > 0) {
      // Chains opening right now, not linked yet: none can expire within a window from now.
      sleepNanos = settings.windowNanos();
    }
    return sleepNanos;
  }

  /** Chains open now (a gauge's worth). */
  public int openChains() {
    return openCount.get();
  }

  /** Closes the stripe's expired chains; returns the time to the next deadline, or NO_OPEN_CHAINS. */
  private long expireStripe(int stripe, long nowNanos) {
    for (;;) {
      @SuppressWarnings("unchecked") // every chain in the order was opened by this instance
      Chain<L> head = (Chain<L>) order.head(stripe);
      if (head == null) {
        return NO_OPEN_CHAINS;
      }
      ChainSummary abandoned = null;
      synchronized (head) {
        if (!head.isClosed()) {
          long remaining = head.deadlineNanos() - nowNanos;
          if (remaining > 0) {
            return remaining;
          }
          abandoned = removeClosed(head, head.abandon(false));
        }
      }
      // A head closed meanwhile has left the order: the loop meets the next one.
      if (abandoned != null) {
        listener.chainFinished(head.label, abandoned);
      }
    }
  }

  /** Moves the chain of a running retry on; false when that chain has moved on without it (closed). */
  private boolean endOfRetry(
      Retry retry, long endNanos, ErrorCategory category, boolean retryable, RetryAfter retryAfter) {
    @SuppressWarnings("unchecked") // a Retry comes from this instance's onStart
    Chain<L> chain = (Chain<L>) retry.chain;
    ChainSummary finished;
    synchronized (chain) {
      if (!chain.isAwaitingEndOf(retry)) {
        return false;
      }
      if (retryable) {
        chain.retryFailed(endNanos, retryAfter);
        order.touch(chain);
        return true;
      }
      ChainResult result = category.isError() ? ChainResult.FAILED : ChainResult.RECOVERED;
      finished = removeClosed(chain, chain.finish(result, endNanos));
    }
    listener.chainFinished(chain.label, finished);
    return true;
  }

  private void openChain(
      RequestKey key,
      L label,
      long startNanos,
      long endNanos,
      ErrorCategory trigger,
      RetryAfter retryAfter) {
    Chain<L> chain = new Chain<>(key, label, trigger, startNanos, endNanos, retryAfter, settings);
    int openNow = openCount.incrementAndGet();
    if (!insert(key, chain)) {
      openCount.decrementAndGet();
      return;
    }
    synchronized (chain) {
      // Another thread may have taken it from the map and moved it on (or closed it) already.
      if (!chain.isClosed()) {
        order.touch(chain);
      }
    }
    if (openNow == 1) {
      wakeSweeper.run();
    }
    evictBeyondBound(chain);
  }

  /**
   * Puts a new chain in the map unless an open one is there: then this failure was a concurrent duplicate's,
   * and the open chain goes on tracking its own attempts.
   */
  private boolean insert(RequestKey key, Chain<L> chain) {
    for (;;) {
      Chain<L> existing = open.putIfAbsent(key, chain);
      if (existing == null) {
        return true;
      }
      if (!existing.isClosed()) {
        return false;
      }
      // Closed, and leaving the map under its own monitor at this moment: help it out.
      open.remove(key, existing);
    }
  }

  private void evictBeyondBound(Chain<L> opened) {
    while (openCount.get() > settings.maxOpenChains()) {
      @SuppressWarnings("unchecked") // every chain in the order was opened by this instance
      Chain<L> oldest = (Chain<L>) order.oldestExcept(opened);
      if (oldest == null) {
        return;
      }
      ChainSummary evicted = null;
      synchronized (oldest) {
        if (!oldest.isClosed()) {
          evicted = removeClosed(oldest, oldest.abandon(true));
        }
      }
      if (evicted != null) {
        listener.chainFinished(oldest.label, evicted);
      }
    }
  }

  /** Takes a chain that has just closed out of the map, the order and the count. Hold its monitor. */
  private ChainSummary removeClosed(Chain<L> chain, ChainSummary summary) {
    open.remove(chain.key, chain);
    order.remove(chain);
    openCount.decrementAndGet();
    return summary;
  }

  private void reportRetry(L label, Retry retry) {
    listener.retry(label, retry);
    List<Violation> violations = retry.violations();
    for (int i = 0; i < violations.size(); i++) {
      listener.violation(label, retry.trigger(), violations.get(i));
    }
  }

  /** Chains in the map, for tests of memory flatness. */
  int mappedChains() {
    return open.size();
  }

  /** Whether the deadline order is empty, for tests of memory flatness. */
  boolean orderIsEmpty() {
    return order.isEmpty();
  }
}
