package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static dev.currents.agent.common.backoff.ChainsFixture.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.ErrorCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RetryChainsConcurrencyTest {

  private static final int THREADS = 8;
  private static final long MILLI = 1_000_000;

  /**
   * Each thread runs fail / fail / retry-ok sequences on keys of its own while all threads share the engine
   * and a sweeper runs: every chain must come out whole, once, with its own label.
   */
  @Test
  void sequencesOnManyThreadsAddUp() throws Exception {
    int keysPerThread = 4;
    int sequences = 3_000;
    ChainsFixture.Events events = new ChainsFixture.Events();
    RetryChains<String> chains = new RetryChains<>(BackoffSettings.defaults(), events);
    AtomicBoolean done = new AtomicBoolean();
    Thread sweeper = new Thread(() -> {
      while (!done.get()) {
        chains.expire(0); // every thread's clock starts far later: nothing expires, but locks are taken
      }
    });
    sweeper.start();

    runOnThreads(thread -> {
      RequestKey[] keys = new RequestKey[keysPerThread];
      for (int k = 0; k < keysPerThread; k++) {
        keys[k] = key("/v1/runs/t" + thread + "k" + k);
      }
      long now = TimeUnit.HOURS.toNanos(1);
      for (int i = 0; i < sequences; i++) {
        RequestKey key = keys[i % keysPerThread];
        String label = label(key);
        Retry none = chains.onStart(key, label, now);
        chains.onEnd(key, label, none, now, now + MILLI, ErrorCategory.TOO_MANY_REQUESTS, 429, RetryAfter.ABSENT);
        now += 200 * MILLI;
        Retry first = chains.onStart(key, label, now);
        chains.onEnd(key, label, first, now, now + MILLI, ErrorCategory.SERVER_ERROR, 503, RetryAfter.ABSENT);
        now += 400 * MILLI;
        Retry second = chains.onStart(key, label, now);
        chains.onEnd(key, label, second, now, now + MILLI, ErrorCategory.OK, 200, RetryAfter.ABSENT);
        now += MILLI;
        if (none != null || first == null || first.number() != 1 || second == null || second.number() != 2) {
          throw new AssertionError("sequence " + i + " on " + key + ": " + none + ", " + first + ", " + second);
        }
      }
    });
    done.set(true);
    sweeper.join();

    int total = THREADS * sequences;
    assertEquals(total, events.finished.size());
    assertEquals(2 * total, events.retries.size());
    assertTrue(events.violations.isEmpty(), "200 ms, 400 ms: backing off");
    Map<String, Integer> chainsPerLabel = new HashMap<>();
    for (int i = 0; i < total; i++) {
      ChainSummary chain = events.finished.get(i);
      assertEquals(ChainResult.RECOVERED, chain.result());
      assertEquals(3, chain.attempts());
      assertEquals(ErrorCategory.TOO_MANY_REQUESTS, chain.trigger());
      assertEquals(601 * MILLI, chain.durationNanos(), "mixed with another chain's attempts otherwise");
      chainsPerLabel.merge(events.finishedLabels.get(i), 1, Integer::sum);
    }
    assertEquals(THREADS * keysPerThread, chainsPerLabel.size());
    chainsPerLabel.values().forEach(n -> assertEquals(sequences / keysPerThread, n));
    assertNothingLeft(chains);
  }

  /**
   * All threads hammer a few shared keys with random outcomes on one clock, the bound is tiny and the sweeper
   * expires for real: whatever interleaving happens, the books must balance.
   */
  @Test
  void sharedKeysUnderEvictionAndExpiryBalance() throws Exception {
    int maxOpen = 3;
    RequestKey[] keys = {key("/v1/runs/a"), key("/v1/runs/b"), key("/v1/runs/c"), key("/v1/runs/d"),
        key("/v1/runs/e"), key("/v1/runs/f")};
    ErrorCategory[] outcomes = {ErrorCategory.TOO_MANY_REQUESTS, ErrorCategory.SERVER_ERROR,
        ErrorCategory.TIMEOUT, ErrorCategory.OK, ErrorCategory.OK, ErrorCategory.UNAUTHORIZED};
    ChainsFixture.Events events = new ChainsFixture.Events();
    AtomicInteger wakes = new AtomicInteger();
    RetryChains<String> chains = new RetryChains<>(
        BackoffSettings.of(Duration.ofNanos(40), Duration.ofNanos(10), maxOpen), events, wakes::incrementAndGet);
    AtomicLong clock = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger mostOpen = new AtomicInteger();
    Thread sweeper = new Thread(() -> {
      while (!done.get()) {
        chains.expire(clock.get());
        mostOpen.accumulateAndGet(chains.openChains(), Math::max);
      }
    });
    sweeper.start();

    runOnThreads(thread -> {
      Random random = new Random(thread);
      for (int i = 0; i < 50_000; i++) {
        RequestKey key = keys[random.nextInt(keys.length)];
        long start = clock.addAndGet(1 + random.nextInt(3));
        Retry retry = chains.onStart(key, label(key), start);
        if (random.nextInt(4) == 0) {
          Thread.yield();
        }
        ErrorCategory outcome = outcomes[random.nextInt(outcomes.length)];
        int status = outcome == ErrorCategory.TOO_MANY_REQUESTS ? 429
            : outcome == ErrorCategory.SERVER_ERROR ? 503
            : outcome == ErrorCategory.OK ? 200
            : outcome == ErrorCategory.UNAUTHORIZED ? 401 : 0;
        chains.onEnd(key, label(key), retry, start, clock.addAndGet(1 + random.nextInt(3)), outcome, status,
            RetryAfter.ABSENT);
      }
    });
    done.set(true);
    sweeper.join();
    chains.expire(clock.get() + 1_000_000);

    assertNothingLeft(chains);
    int retriesInChains = 0;
    for (ChainSummary chain : new ArrayList<>(events.finished)) {
      assertEquals(chain.retries() + 1, chain.attempts());
      assertTrue(chain.durationNanos() >= 0, chain.toString());
      retriesInChains += chain.retries();
    }
    assertEquals(events.retries.size(), retriesInChains, "every retry belongs to exactly one finished chain");
    assertTrue(events.finished.stream().anyMatch(ChainSummary::evicted), "the bound was reached");
    assertTrue(events.finished.stream().anyMatch(c -> c.result() == ChainResult.ABANDONED && !c.evicted()));
    assertTrue(events.finished.stream().anyMatch(c -> c.result() == ChainResult.RECOVERED));
    assertTrue(events.finished.stream().anyMatch(c -> c.result() == ChainResult.FAILED));
    assertTrue(mostOpen.get() <= maxOpen + THREADS, "open chains seen: " + mostOpen.get());
    assertTrue(wakes.get() >= 1);
  }

  private interface PerThread {
    void run(int thread) throws Exception;
  }

  private static void runOnThreads(PerThread work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.run(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertNothingLeft(RetryChains<String> chains) {
    assertEquals(0, chains.openChains());
    assertEquals(0, chains.mappedChains());
    assertTrue(chains.orderIsEmpty());
    assertEquals(RetryChains.NO_OPEN_CHAINS, chains.expire(Long.MAX_VALUE / 8));
  }
}
