package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static dev.currents.agent.common.backoff.ChainsFixture.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The policy of chains with exact waits; BackoffPolicyStatisticsTest covers the random ones. */
class PolicyTest {

  private static final RequestKey RUN = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234");

  private ChainsFixture f = new ChainsFixture();

  private BackoffPolicy policyOf(double... waitsMillis) {
    return policyOf(RetryAfter.ABSENT, waitsMillis);
  }

  /** A 503 chain that recovers after these waits; every failure carries {@code header}. */
  private BackoffPolicy policyOf(RetryAfter header, double... waitsMillis) {
    f.events.clear();
    f.attempt(RUN, 503, header);
    for (int i = 0; i < waitsMillis.length; i++) {
      f.sleepMillis(waitsMillis[i]);
      f.attempt(RUN, i == waitsMillis.length - 1 ? 200 : 503, header);
    }
    return f.events.onlyFinished().policy();
  }

  @Test
  void single() {
    assertEquals(BackoffPolicy.SINGLE, policyOf(1000));
    assertEquals(BackoffPolicy.SINGLE, policyOf(0));
  }

  @Test
  void aFailureNobodyRetriedIsSingleWithOneAttempt() {
    f.attempt(RUN, 429);
    f.chains.expire(f.now + TimeUnit.SECONDS.toNanos(121));
    assertEquals(BackoffPolicy.SINGLE, f.events.onlyFinished().policy());
    assertEquals(1, f.events.onlyFinished().attempts());
  }

  @Test
  void immediate() {
    assertEquals(BackoffPolicy.IMMEDIATE, policyOf(0, 5, 20));
    assertEquals(BackoffPolicy.IMMEDIATE, policyOf(99, 1));
    // Issue #17: two waits are too few to name a shape; they are still backing off, so not immediate.
    assertEquals(BackoffPolicy.INCONCLUSIVE, policyOf(100, 99), "one wait at the minimum is backing off");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(100, 99, 100), "one wait at the minimum is backing off");
  }

  @Test
  void withoutAMinimumDelayNothingIsImmediate() {
    f = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ZERO, 100));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(0, 5, 20));
  }

  @Test
  void constant() {
    assertEquals(BackoffPolicy.CONSTANT, policyOf(1000, 1000, 1000));
    assertEquals(BackoffPolicy.INCONCLUSIVE, policyOf(500, 500), "two waits: Reactor's jitter draws these too");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(500, 500, 500));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(3000, 2700, 3300, 3000, 2750), "+-10% jitter");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(200, 240, 210), "short waits get the 50 ms slack");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(30_000, 30_000, 30_000));
  }

  @Test
  void exponential() {
    assertEquals(BackoffPolicy.INCONCLUSIVE, policyOf(1000, 2000), "two waits: fixed waits with jitter draw these");
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1000, 2000, 4000));
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1000, 2000, 4000, 8000, 16_000));
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(100, 200, 400, 800));
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(500, 750, 1125, 1688), "x1.5");
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1000, 1300, 1690, 2197), "x1.3");
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(3000, 15_000, 30_000), "a Currents client's waits");
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1000, 2000, 4000, 8000, 8000, 8000), "capped");
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1700, 300, 6900, 2100, 14_000), "full jitter draws");
  }

  @Test
  void retryAfter() {
    assertEquals(BackoffPolicy.RETRY_AFTER, policyOf(RetryAfter.ofSeconds(3), 3000, 3010, 3200));
    assertEquals(BackoffPolicy.RETRY_AFTER, policyOf(RetryAfter.ofHttpDateDelay(2500), 2000, 2600));
    assertEquals(BackoffPolicy.RETRY_AFTER, policyOf(RetryAfter.ofSeconds(1), 1000, 1900), "with jitter on top");
    assertEquals(BackoffPolicy.SINGLE, policyOf(RetryAfter.ofSeconds(3), 3000), "single comes first");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(RetryAfter.ofSeconds(3), 1000, 1000, 1000), "ignored");
  }

  /** Issue #17: any wait is "at least 0 s"; after {@code Retry-After: 0} the waits are the client's own. */
  @Test
  void retryAfterZeroLeavesTheShapeToTheClient() {
    assertEquals(BackoffPolicy.IMMEDIATE, policyOf(RetryAfter.ofSeconds(0), 0, 0, 0));
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(RetryAfter.ofSeconds(0), 300, 1500, 3000));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(RetryAfter.ofSeconds(0), 1000, 1000, 1000));
  }

  /** Issue #17: an advice far below the client's own waits does not explain them. */
  @Test
  void retryAfterFarBelowTheWaitsLeavesTheShapeToTheClient() {
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(RetryAfter.ofSeconds(1), 1500, 3000, 6000));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(RetryAfter.ofSeconds(1), 5000, 5000, 5000));
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(RetryAfter.ofSeconds(1), 1000, 2100, 4000), "followed, then not");
  }

  @Test
  void retryAfterOnlyWhenEveryFailureCarriedOne() {
    f.attempt(RUN, 429, RetryAfter.ofSeconds(1));
    f.sleepMillis(1000);
    f.attempt(RUN, 503, RetryAfter.ABSENT);
    f.sleepMillis(2000);
    f.attempt(RUN, 503, RetryAfter.ABSENT);
    f.sleepMillis(4000);
    f.attempt(RUN, 200);
    assertEquals(BackoffPolicy.EXPONENTIAL, f.events.onlyFinished().policy());
  }

  @Test
  void irregular() {
    assertEquals(BackoffPolicy.IRREGULAR, policyOf(8000, 4000, 2000, 1000), "shrinking");
    assertEquals(BackoffPolicy.IRREGULAR, policyOf(3000, 1000, 2000, 1000, 1500), "shrank from the first");
  }

  /**
   * Issue #17: scattered waits with no clear trend cannot be told from a jittered backoff that drew low
   * (decorrelated jitter near its base), so they are named for what is known: nothing. These two were
   * {@code irregular} before.
   */
  @Test
  void inconclusive() {
    assertEquals(BackoffPolicy.INCONCLUSIVE, policyOf(3000, 1000, 2000, 1000, 3000), "no trend");
    assertEquals(BackoffPolicy.INCONCLUSIVE, policyOf(1000, 2000, 1000, 500, 1000, 700), "no lasting growth");
  }
}
