package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static dev.currents.agent.common.backoff.ChainsFixture.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.ErrorCategory;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplianceTest {

  private static final RequestKey RUN = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234");

  private final ChainsFixture f = new ChainsFixture();

  /** A failure with this Retry-After, then a retry after {@code waitMillis}. */
  private Retry retryAfter(RetryAfter header, double waitMillis) {
    f.attempt(RUN, 429, header);
    f.sleepMillis(waitMillis);
    return f.attempt(RUN, 200);
  }

  @ParameterizedTest(name = "Retry-After 5, waited {0} ms -> compliant {1}")
  @CsvSource({
    "5000, true",
    "9000, true",
    // Tolerance for delta-seconds: 50 ms + 2% of 5 s = 150 ms.
    "4850, true",
    "4849.999, false",
    "4000, false",
    "100, false",
    "0, false",
  })
  void deltaSecondsMustBeHonoured(double waitMillis, boolean compliant) {
    Retry retry = retryAfter(RetryAfter.ofSeconds(5), waitMillis);
    assertEquals(compliant, retry.compliant());
    assertEquals(compliant ? List.of() : List.of(Violation.RETRY_AFTER_IGNORED), retry.violations());
    assertEquals(retry.violations(), f.events.violations);
  }

  @ParameterizedTest(name = "Retry-After date 5 s ahead, waited {0} ms -> compliant {1}")
  @CsvSource({
    "5000, true",
    // A date has one-second granularity: 1 s + 50 ms + 2% of 5 s = 1.15 s of tolerance.
    "3850, true",
    "3849.999, false",
    "1000, false",
  })
  void anHttpDateIsAllowedItsGranularity(double waitMillis, boolean compliant) {
    assertEquals(compliant, retryAfter(RetryAfter.ofHttpDateDelay(5000), waitMillis).compliant());
  }

  @Test
  void toleranceGrowsWithTheDelay() {
    // 60 s: 50 ms + 1.2 s.
    assertTrue(retryAfter(RetryAfter.ofSeconds(60), 58_750).compliant());
    f.events.clear();
    assertFalse(retryAfter(RetryAfter.ofSeconds(60), 58_749).compliant());
  }

  @Test
  void retryAfterZeroAllowsAnImmediateRetry() {
    Retry retry = retryAfter(RetryAfter.ofSeconds(0), 0);
    assertTrue(retry.compliant(), "Retry-After replaces the minimum delay: no no_backoff");
  }

  @Test
  void aMalformedRetryAfterIsNoRetryAfter() {
    Retry retry = retryAfter(RetryAfter.MALFORMED, 50);
    assertEquals(List.of(Violation.NO_BACKOFF), retry.violations());
  }

  @Test
  void theRetryAfterThatCountsIsTheLastFailuresOne() {
    f.attempt(RUN, 429, RetryAfter.ofSeconds(10));
    f.sleepMillis(10_000);
    assertTrue(f.attempt(RUN, 503, RetryAfter.ABSENT).compliant());
    f.sleepMillis(500);
    assertTrue(f.attempt(RUN, 200).compliant(), "no Retry-After on the 503: 500 ms is backing off");
  }

  @ParameterizedTest(name = "waited {0} ms with min delay {1} ms -> no_backoff {2}")
  @CsvSource({
    "0, 100, true",
    "99.999, 100, true",
    "100, 100, false",
    "1000, 100, false",
    "0, 0, false",
    "249, 250, true",
  })
  void noBackoff(double waitMillis, long minDelayMillis, boolean violation) {
    ChainsFixture g = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ofMillis(minDelayMillis), 100));
    g.attempt(RUN, 503);
    g.sleepMillis(waitMillis);
    Retry retry = g.attempt(RUN, 200);
    assertEquals(violation ? List.of(Violation.NO_BACKOFF) : List.of(), retry.violations());
    assertEquals(violation ? List.of(ErrorCategory.SERVER_ERROR) : List.of(), g.events.violationTriggers);
  }

  /** A 429 chain with these waits, without Retry-After; the violations of each retry. */
  private List<Retry> chain429(double... waitsMillis) {
    f.attempt(RUN, 429);
    for (double wait : waitsMillis) {
      f.sleepMillis(wait);
      f.attempt(RUN, 429);
    }
    f.sleepMillis(1000);
    f.attempt(RUN, 200);
    return f.events.retries;
  }

  @Test
  void fixedWaitsAreNotIncreasingAtTheThirdRetryOnce() {
    List<Retry> retries = chain429(1000, 1001, 999, 1000, 1002);
    assertTrue(retries.get(0).compliant());
    assertTrue(retries.get(1).compliant(), "two retries are too few to judge");
    assertEquals(List.of(Violation.NOT_INCREASING), retries.get(2).violations());
    assertFalse(retries.get(2).compliant());
    assertTrue(retries.get(3).compliant(), "once per chain");
    assertEquals(List.of(Violation.NOT_INCREASING), f.events.violations);
    assertEquals(List.of(ErrorCategory.TOO_MANY_REQUESTS), f.events.violationTriggers);
  }

  @Test
  void shrinkingWaitsAreNotIncreasing() {
    List<Retry> retries = chain429(4000, 2000, 1000);
    assertEquals(List.of(Violation.NOT_INCREASING), retries.get(2).violations());
  }

  @Test
  void growingWaitsAreFine() {
    chain429(1000, 2000, 4000, 8000);
    assertTrue(f.events.violations.isEmpty());
  }

  @Test
  void oneClearStepUpIsGrowth() {
    // 1.2 s after 1 s is more than 10% + 50 ms longer.
    chain429(1000, 1200, 1200, 1200);
    assertTrue(f.events.violations.isEmpty());
  }

  @Test
  void jitterOfAFixedWaitIsNoStepUp() {
    // Each wait at most 10% + 50 ms above the one before.
    chain429(1000, 1140, 1000, 1090);
    assertEquals(List.of(Violation.NOT_INCREASING), f.events.violations);
  }

  @Test
  void onlyChainsTriggeredBy429MustGrow() {
    f.attempt(RUN, 503);
    for (int i = 0; i < 4; i++) {
      f.sleepMillis(1000);
      f.attempt(RUN, 429);
    }
    assertTrue(f.events.violations.isEmpty(), "a 503 chain may retry at a fixed pace");
  }

  @Test
  void retryAfterReplacesTheGrowthRule() {
    f.attempt(RUN, 429, RetryAfter.ofSeconds(1));
    for (int i = 0; i < 4; i++) {
      f.sleepMillis(1000);
      f.attempt(RUN, 429, RetryAfter.ofSeconds(1));
    }
    assertTrue(f.events.violations.isEmpty(), "the server asked for equal waits");
  }

  @Test
  void anImmediateRetryLoopBreaksBothRules() {
    List<Retry> retries = chain429(0, 0, 0);
    assertEquals(List.of(Violation.NO_BACKOFF), retries.get(0).violations());
    assertEquals(List.of(Violation.NO_BACKOFF, Violation.NOT_INCREASING), retries.get(2).violations());
    assertEquals(
        List.of(Violation.NO_BACKOFF, Violation.NO_BACKOFF, Violation.NO_BACKOFF, Violation.NOT_INCREASING),
        f.events.violations);
  }

  @Test
  void tagValues() {
    assertEquals("retry_after_ignored", Violation.RETRY_AFTER_IGNORED.tagValue());
    assertEquals("no_backoff", Violation.NO_BACKOFF.tagValue());
    assertEquals("not_increasing", Violation.NOT_INCREASING.tagValue());
    assertEquals("recovered", ChainResult.RECOVERED.tagValue());
    assertEquals("failed", ChainResult.FAILED.tagValue());
    assertEquals("abandoned", ChainResult.ABANDONED.tagValue());
    assertEquals("immediate", BackoffPolicy.IMMEDIATE.tagValue());
    assertEquals("constant", BackoffPolicy.CONSTANT.tagValue());
    assertEquals("exponential", BackoffPolicy.EXPONENTIAL.tagValue());
    assertEquals("retry_after", BackoffPolicy.RETRY_AFTER.tagValue());
    assertEquals("irregular", BackoffPolicy.IRREGULAR.tagValue());
    assertEquals("single", BackoffPolicy.SINGLE.tagValue());
  }
}
