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
    assertEquals(BackoffPolicy.CONSTANT, policyOf(100, 99), "one wait at the minimum is backing off");
  }

  @Test
  void withoutAMinimumDelayNothingIsImmediate() {
    f = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ZERO, 100));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(0, 5, 20));
  }

  @Test
  void constant() {
    assertEquals(BackoffPolicy.CONSTANT, policyOf(1000, 1000, 1000));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(500, 500));
    assertEquals(BackoffPolicy.CONSTANT, policyOf(3000, 2700, 3300, 3000, 2750), "+-10% jitter");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(200, 240, 210), "short waits get the 50 ms slack");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(30_000, 30_000, 30_000));
  }

  @Test
  void exponential() {
    assertEquals(BackoffPolicy.EXPONENTIAL, policyOf(1000, 2000));
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
    assertEquals(
        BackoffPolicy.RETRY_AFTER, policyOf(RetryAfter.ofSeconds(0), 0, 0, 0), "honoured before immediate");
    assertEquals(BackoffPolicy.CONSTANT, policyOf(RetryAfter.ofSeconds(3), 1000, 1000, 1000), "ignored");
  }

  @Test
  void retryAfterOnlyWhenEveryFailureCarriedOne() {
    f.attempt(RUN, 429, RetryAfter.ofSeconds(1));
    f.sleepMillis(1000);
    f.attempt(RUN, 503, RetryAfter.ABSENT);
    f.sleepMillis(2000);
    f.attempt(RUN, 200);
    assertEquals(BackoffPolicy.EXPONENTIAL, f.events.onlyFinished().policy());
  }

  @Test
  void irregular() {
    assertEquals(BackoffPolicy.IRREGULAR, policyOf(8000, 4000, 2000, 1000), "shrinking");
    assertEquals(BackoffPolicy.IRREGULAR, policyOf(3000, 1000, 2000, 1000, 3000), "no trend");
    assertEquals(BackoffPolicy.IRREGULAR, policyOf(1000, 2000, 1000, 500, 1000, 700), "no lasting growth");
  }
}
