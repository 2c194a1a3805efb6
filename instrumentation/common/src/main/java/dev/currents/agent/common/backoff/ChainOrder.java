package dev.currents.agent.common.backoff;

/**
 * The open chains in the order of their deadlines, so that the sweeper finds the expired ones without a scan
 * and the bound finds the oldest. Every chain has the same window, so deadline order is the order of last
 * activity (failure or retry start): a touched chain moves to the tail.
 *
 * <p>Striped by request so that unrelated requests rarely meet on a lock: each stripe is a doubly-linked list
 * threaded through the chains themselves (no node objects, O(1) moves, nothing left behind by a closed
 * chain). The order is as exact as the callers' clocks and call order agree: a chain touched a little later
 * with a slightly earlier deadline expires a little late, at the next sweep.
 *
 * <p>Lock order: a chain's monitor, then a stripe's lock, never the reverse; callers that walk the order read
 * a chain under the stripe lock and release it before taking the chain's monitor.
 */
final class ChainOrder {

  /** A power of two; several times the cores of a typical service host. */
  private static final int STRIPES = 16;

  private final Stripe[] stripes = new Stripe[STRIPES];

  ChainOrder() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  int stripeCount() {
    return STRIPES;
  }

  /** Records the chain's deadline and moves it to the tail of its stripe. Hold the chain's monitor. */
  void touch(Chain<?> chain) {
    Stripe stripe = stripeOf(chain);
    synchronized (stripe) {
      if (chain.linked) {
        stripe.unlink(chain);
      }
      chain.orderedDeadlineNanos = chain.deadlineNanos();
      stripe.append(chain);
    }
  }

  /** Hold the chain's monitor. */
  void remove(Chain<?> chain) {
    Stripe stripe = stripeOf(chain);
    synchronized (stripe) {
      if (chain.linked) {
        stripe.unlink(chain);
      }
    }
  }

  /** The chain of the stripe with the earliest deadline, or null. */
  Chain<?> head(int stripe) {
    Stripe s = stripes[stripe];
    synchronized (s) {
      return s.head;
    }
  }

  /**
   * The open chain with the earliest deadline of all but {@code spared}, or null: the eviction candidate.
   * {@code spared} is the chain being opened, which must not make room by evicting itself when its deadline
   * ties with (or, with callers' clocks out of step, precedes) an older chain's.
   */
  Chain<?> oldestExcept(Chain<?> spared) {
    Chain<?> oldest = null;
    long oldestDeadline = 0;
    for (Stripe s : stripes) {
      synchronized (s) {
        Chain<?> candidate = s.head == spared ? spared.newer : s.head;
        if (candidate != null && (oldest == null || candidate.orderedDeadlineNanos - oldestDeadline < 0)) {
          oldest = candidate;
          oldestDeadline = candidate.orderedDeadlineNanos;
        }
      }
    }
    return oldest;
  }

  boolean isEmpty() {
    for (int i = 0; i < STRIPES; i++) {
      if (head(i) != null) {
        return false;
      }
    }
    return true;
  }

  private Stripe stripeOf(Chain<?> chain) {
    int h = chain.key.hashCode();
    return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
  }

  private static final class Stripe {
    Chain<?> head;
    Chain<?> tail;

    void append(Chain<?> chain) {
      chain.older = tail;
      chain.newer = null;
      if (tail == null) {
        head = chain;
      } else {
        tail.newer = chain;
      }
      tail = chain;
      chain.linked = true;
    }

    void unlink(Chain<?> chain) {
      if (chain.older == null) {
        head = chain.newer;
      } else {
        chain.older.newer = chain.newer;
      }
      if (chain.newer == null) {
        tail = chain.older;
      } else {
        chain.newer.older = chain.older;
      }
      chain.older = null;
      chain.newer = null;
      chain.linked = false;
    }
  }
}
