package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.ATTEMPT_DURATION_NANOS;
import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static dev.currents.agent.common.backoff.ChainsFixture.label;
import static dev.currents.agent.common.backoff.ChainsFixture.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.common.ErrorCategory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RetryChainsTest {

  private static final RequestKey RUN = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234");
  private static final long WINDOW = TimeUnit.SECONDS.toNanos(120);

  private final ChainsFixture f = new ChainsFixture();

  @Test
  void aRequestThatNeverFailsIsNoRetryAndOpensNoChain() {
    assertNull(f.attempt(RUN, 200));
    f.sleepMillis(1);
    assertNull(f.attempt(RUN, 200));
    assertTrue(f.events.retries.isEmpty());
    assertTrue(f.events.finished.isEmpty());
    assertEquals(0, f.chains.openChains());
    assertEquals(RetryChains.NO_OPEN_CHAINS, f.chains.expire(f.now));
  }

  @Test
  void retriesAreNumberedAndTheirDelayRunsFromTheFailuresEnd() {
    long firstStart = f.now;
    assertNull(f.attempt(RUN, 429));
    f.sleepMillis(1000);
    Retry first = f.attempt(RUN, 503);
    f.sleepMillis(2000);
    Retry second = f.attempt(RUN, 200);

    assertEquals(1, first.number());
    assertEquals("1", first.attemptTag());
    assertEquals(TimeUnit.MILLISECONDS.toNanos(1000), first.delayNanos());
    assertEquals(1.0, first.delaySeconds());
    assertEquals(2, second.number());
    assertEquals(TimeUnit.MILLISECONDS.toNanos(2000), second.delayNanos());
    assertEquals(ErrorCategory.TOO_MANY_REQUESTS, second.trigger(), "the trigger is the opening failure's");
    assertEquals(List.of(first, second), f.events.retries);
    assertEquals(List.of(label(RUN), label(RUN)), f.events.retryLabels);

    ChainSummary chain = f.events.onlyFinished();
    assertEquals(ChainResult.RECOVERED, chain.result());
    assertEquals(ErrorCategory.TOO_MANY_REQUESTS, chain.trigger());
    assertEquals(3, chain.attempts());
    assertEquals(2, chain.retries());
    assertEquals(f.now - firstStart, chain.durationNanos());
    assertFalse(chain.evicted());
    assertEquals(label(RUN), f.events.finishedLabels.get(0));
    assertEquals(0, f.chains.openChains());
  }

  @ParameterizedTest(name = "{0} then {1} -> {2}")
  @CsvSource({
    "429, 200, RECOVERED",
    "429, 204, RECOVERED",
    "503, 304, RECOVERED",
    "429, 401, FAILED",
    "429, 403, FAILED",
    "500, 404, FAILED",
    "429, 422, FAILED",
    "408, 400, FAILED",
    "502, 409, FAILED",
  })
  void aRetrysNonRetryableEndClosesTheChain(int failure, int end, ChainResult result) {
    f.attempt(RUN, failure);
    f.sleepMillis(500);
    assertNotNull(f.attempt(RUN, end));
    ChainSummary chain = f.events.onlyFinished();
    assertEquals(result, chain.result());
    assertEquals(ErrorCategory.ofStatus(failure), chain.trigger());
    assertEquals(2, chain.attempts());
    assertEquals(BackoffPolicy.SINGLE, chain.policy());
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorCategory.class,
      names = {"TIMEOUT", "NETWORK_ERROR"})
  void failuresWithoutResponseOpenAndContinueChains(ErrorCategory failure) {
    f.attempt(RUN, failure);
    f.sleepMillis(500);
    assertNotNull(f.attempt(RUN, failure));
    f.sleepMillis(500);
    assertNotNull(f.attempt(RUN, 200));
    assertEquals(failure, f.events.onlyFinished().trigger());
    assertEquals(3, f.events.onlyFinished().attempts());
  }

  @Test
  void aCancelledRetryFailsTheChain() {
    f.attempt(RUN, 503);
    f.sleepMillis(500);
    f.attempt(RUN, ErrorCategory.CANCELLED);
    assertEquals(ChainResult.FAILED, f.events.onlyFinished().result());
  }

  @Test
  void requestTimeoutIsTheOnlyRetryableClientError() {
    f.attempt(RUN, 408);
    assertEquals(1, f.chains.openChains());
    f.sleepMillis(500);
    assertNotNull(f.attempt(RUN, 200));
    assertEquals(ErrorCategory.CLIENT_ERROR, f.events.onlyFinished().trigger());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"400", "401", "402", "403", "404", "409", "422", "301", "200"})
  void nonRetryableEndsOpenNoChain(int status) {
    f.attempt(RUN, status);
    f.sleepMillis(500);
    assertNull(f.attempt(RUN, status));
    assertEquals(0, f.chains.openChains());
    assertTrue(f.events.finished.isEmpty());
  }

  @Test
  void aCancelledAttemptOpensNoChain() {
    f.attempt(RUN, ErrorCategory.CANCELLED);
    f.sleepMillis(500);
    assertNull(f.attempt(RUN, 200));
  }

  @Test
  void theWindowIncludesItsLastInstant() {
    f.attempt(RUN, 429);
    f.now += WINDOW;
    assertNotNull(f.attempt(RUN, 200));
    assertEquals(ChainResult.RECOVERED, f.events.onlyFinished().result());
  }

  @Test
  void anAttemptJustAfterTheWindowIsNoRetryAndAbandonsTheChain() {
    long failureStart = f.now;
    f.attempt(RUN, 429);
    long failureEnd = f.now;
    f.now += WINDOW + 1;
    assertNull(f.attempt(RUN, 200));
    ChainSummary chain = f.events.onlyFinished();
    assertEquals(ChainResult.ABANDONED, chain.result());
    assertEquals(1, chain.attempts());
    assertEquals(0, chain.retries());
    assertEquals(failureEnd - failureStart, chain.durationNanos());
    assertEquals(0, f.chains.openChains());
  }

  @Test
  void theSweeperAbandonsAChainAWindowAfterItsLastFailure() {
    f.attempt(RUN, 429);
    f.sleepMillis(1000);
    f.attempt(RUN, 429);
    long lastFailureEnd = f.now;

    assertEquals(WINDOW + 1, f.chains.expire(lastFailureEnd), "sleep until the first instant past the window");
    assertEquals(1, f.chains.expire(lastFailureEnd + WINDOW));
    assertTrue(f.events.finished.isEmpty());

    assertEquals(RetryChains.NO_OPEN_CHAINS, f.chains.expire(lastFailureEnd + WINDOW + 1));
    ChainSummary chain = f.events.onlyFinished();
    assertEquals(ChainResult.ABANDONED, chain.result());
    assertEquals(2, chain.attempts());
    assertFalse(chain.evicted());
    assertNull(f.attempt(RUN, 200), "the chain is gone");
  }

  @Test
  void aRetryStillRunningKeepsItsChainOpenForAWindowFromItsStart() {
    f.attempt(RUN, 503);
    f.sleepMillis(1000);
    long retryStart = f.now;
    Retry retry = f.chains.onStart(RUN, label(RUN), retryStart);
    assertNotNull(retry);
    assertEquals(1, f.chains.expire(retryStart + WINDOW));
    assertTrue(f.events.finished.isEmpty());

    // Its end never comes: the chain cannot stay open for ever.
    f.chains.expire(retryStart + WINDOW + 1);
    assertEquals(ChainResult.ABANDONED, f.events.onlyFinished().result());
    assertEquals(2, f.events.onlyFinished().attempts());

    // When the end does come after all, it opens a chain of its own if it failed.
    f.chains.onEnd(RUN, label(RUN), retry, retryStart, retryStart + WINDOW + 2, ErrorCategory.SERVER_ERROR, 503,
        RetryAfter.ABSENT);
    assertEquals(1, f.chains.openChains());
  }

  @Test
  void anAttemptThatStartedBeforeTheFailureEndedIsNotItsRetry() {
    long earlyStart = f.now + ATTEMPT_DURATION_NANOS / 2;
    f.attempt(RUN, 429);
    // Started while the 429 was in flight (a concurrent identical request), reported after its end.
    assertNull(f.chains.onStart(RUN, label(RUN), earlyStart));
    f.sleepMillis(300);
    Retry retry = f.attempt(RUN, 200);
    assertNotNull(retry, "the failure's retry slot is still free");
    assertEquals(1, retry.number());
  }

  @Test
  void aRetryMayStartAtTheInstantTheFailureEnded() {
    f.attempt(RUN, 503);
    Retry retry = f.attempt(RUN, 200);
    assertNotNull(retry);
    assertEquals(0, retry.delayNanos());
  }

  @Test
  void onlyOneAttemptIsTheRetryOfAFailure() {
    f.attempt(RUN, 429);
    f.sleepMillis(1000);
    long start = f.now;
    Retry retry = f.chains.onStart(RUN, label(RUN), start);
    Retry duplicate = f.chains.onStart(RUN, label(RUN), start + 1_000);
    assertNotNull(retry);
    assertNull(duplicate, "a concurrent duplicate right after is not also that retry");

    // The duplicate fails; that does not move the chain, whose retry is still running.
    f.chains.onEnd(RUN, label(RUN), null, start + 1_000, start + 5_000_000, ErrorCategory.TOO_MANY_REQUESTS, 429,
        RetryAfter.ABSENT);
    assertEquals(1, f.chains.openChains());
    f.chains.onEnd(RUN, label(RUN), retry, start, start + 10_000_000, ErrorCategory.OK, 200, RetryAfter.ABSENT);
    assertEquals(ChainResult.RECOVERED, f.events.onlyFinished().result());
    assertEquals(2, f.events.onlyFinished().attempts());
    assertEquals(1, f.events.retries.size());
  }

  @Test
  void aSuccessfulDuplicateDoesNotCloseTheChainUnderItsRetry() {
    f.attempt(RUN, 429);
    f.sleepMillis(1000);
    long start = f.now;
    Retry retry = f.chains.onStart(RUN, label(RUN), start);
    f.chains.onEnd(RUN, label(RUN), null, start, start + 1_000, ErrorCategory.OK, 200, RetryAfter.ABSENT);
    assertEquals(1, f.chains.openChains());
    f.chains.onEnd(RUN, label(RUN), retry, start, start + 2_000, ErrorCategory.TOO_MANY_REQUESTS, 429,
        RetryAfter.ABSENT);
    f.now = start + 2_000;
    f.sleepMillis(2000);
    assertEquals(2, f.attempt(RUN, 200).number());
  }

  @Test
  void twoCredentialsOnOneUrlAreTwoChains() {
    RequestKey alice = key("/v1/runs/find?projectId=bAYZ41", "alice");
    RequestKey bob = key("/v1/runs/find?projectId=bAYZ41", "bob");
    f.attempt(alice, 429);
    f.sleepMillis(100);
    assertNull(f.attempt(bob, 200), "another key's request is not alice's retry");
    assertEquals(1, f.chains.openChains());
    f.attempt(bob, 503);
    assertEquals(2, f.chains.openChains());
    f.sleepMillis(1000);
    assertEquals(1, f.attempt(alice, 200).number());
    assertEquals(1, f.attempt(bob, 200).number());
    assertEquals(2, f.events.finished.size());
  }

  @Test
  void otherPartsOfTheRequestSeparateChainsToo() {
    f.attempt(RUN, 429);
    f.sleepMillis(500);
    RequestKey post = RequestKey.of("POST", "https", "api.currents.dev", -1, "/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234",
        null, dev.currents.agent.common.CredentialFingerprint.of("key-1"));
    RequestKey query = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234?x=1");
    RequestKey port = RequestKey.of("GET", "https", "api.currents.dev", 8443, "/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234",
        null, dev.currents.agent.common.CredentialFingerprint.of("key-1"));
    assertNull(f.attempt(post, 200));
    assertNull(f.attempt(query, 200));
    assertNull(f.attempt(port, 200));
    assertNotNull(f.attempt(RUN, 200));
  }

  @Test
  void theBoundEvictsTheChainWithTheOldestActivityAsAbandoned() {
    ChainsFixture bounded = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ofMillis(100), 3));
    RequestKey[] keys = {key("/v1/runs/a"), key("/v1/runs/b"), key("/v1/runs/c"), key("/v1/runs/d"), key("/v1/runs/e")};
    for (int i = 0; i < 3; i++) {
      bounded.attempt(keys[i], 429);
      bounded.sleepMillis(10);
    }
    assertEquals(3, bounded.chains.openChains());
    assertTrue(bounded.events.finished.isEmpty());

    bounded.attempt(keys[3], 429);
    assertEquals(3, bounded.chains.openChains());
    ChainSummary evicted = bounded.events.onlyFinished();
    assertEquals(ChainResult.ABANDONED, evicted.result());
    assertTrue(evicted.evicted());
    assertEquals(label(keys[0]), bounded.events.finishedLabels.get(0), "the oldest goes first");

    // b retries and fails again: now c has the oldest activity, and goes next.
    bounded.sleepMillis(10);
    assertNotNull(bounded.attempt(keys[1], 429));
    bounded.attempt(keys[4], 429);
    assertEquals(label(keys[2]), bounded.events.finishedLabels.get(1));
    assertEquals(3, bounded.chains.openChains());
    assertNull(bounded.attempt(keys[0], 200), "an evicted chain takes no retries");
    assertNull(bounded.attempt(keys[2], 200));
    assertNotNull(bounded.attempt(keys[1], 200));
  }

  @Test
  void aRetryWhoseChainWasEvictedOpensAFreshChainWhenItFails() {
    ChainsFixture bounded = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ofMillis(100), 1));
    RequestKey a = key("/v1/runs/a");
    bounded.attempt(a, 429);
    bounded.sleepMillis(1000);
    long start = bounded.now;
    Retry retry = bounded.chains.onStart(a, label(a), start);
    bounded.attempt(key("/v1/runs/b"), 503); // evicts a's chain while its retry runs
    // a's retry ends at the instant b's failure did: equal deadlines, and the fresh chain must not evict itself.
    bounded.chains.onEnd(a, label(a), retry, start, bounded.now, ErrorCategory.TOO_MANY_REQUESTS, 429,
        RetryAfter.ABSENT);
    assertEquals(1, bounded.chains.openChains());
    assertEquals(2, bounded.events.finished.size(), "a, then b, evicted");
    bounded.sleepMillis(500);
    assertEquals(1, bounded.attempt(a, 200).number(), "numbered in its fresh chain");
  }

  @Test
  void closedChainsLeaveNoTrace() {
    ChainsFixture bounded = new ChainsFixture(settings(Duration.ofSeconds(120), Duration.ofMillis(100), 50));
    for (int i = 0; i < 10_000; i++) {
      RequestKey k = key("/v1/runs/" + i);
      bounded.attempt(k, 503);
      if (i % 3 == 1) {
        bounded.sleepMillis(200);
        bounded.attempt(k, 200);
      }
    }
    assertEquals(50, bounded.chains.openChains());
    assertEquals(50, bounded.chains.mappedChains());
    assertEquals(RetryChains.NO_OPEN_CHAINS, bounded.chains.expire(bounded.now + WINDOW * 2));
    assertEquals(0, bounded.chains.openChains());
    assertEquals(0, bounded.chains.mappedChains());
    assertTrue(bounded.chains.orderIsEmpty());
    assertEquals(10_000, bounded.events.finished.size(), "every chain finished exactly once");
  }

  @Test
  void theSweeperIsWokenWhenTheFirstChainOpens() {
    AtomicInteger wakes = new AtomicInteger();
    ChainsFixture woken = new ChainsFixture(BackoffSettings.defaults(), wakes::incrementAndGet);
    assertEquals(RetryChains.NO_OPEN_CHAINS, woken.chains.expire(woken.now));
    woken.attempt(key("/v1/runs/a"), 429);
    assertEquals(1, wakes.get());
    woken.attempt(key("/v1/runs/b"), 429);
    assertEquals(1, wakes.get(), "a sweeper with a deadline needs no wake-up: new chains expire later");
    woken.chains.expire(woken.now + WINDOW * 2);
    woken.attempt(key("/v1/runs/c"), 429);
    assertEquals(2, wakes.get());
  }

  @Test
  void expireReturnsTheTimeToTheEarliestDeadline() {
    f.attempt(key("/v1/runs/a"), 429);
    long aEnd = f.now;
    f.sleepMillis(5000);
    f.attempt(key("/v1/runs/b"), 429);
    assertEquals(aEnd + WINDOW + 1 - f.now, f.chains.expire(f.now));
    f.chains.expire(aEnd + WINDOW + 1);
    assertEquals(1, f.events.finished.size());
    assertEquals(f.now + WINDOW + 1 - (aEnd + WINDOW + 1), f.chains.expire(aEnd + WINDOW + 1));
  }

  @Test
  void clockValuesMayWrapAround() {
    f.now = Long.MAX_VALUE - TimeUnit.SECONDS.toNanos(1);
    f.attempt(RUN, 429);
    f.sleepMillis(2000);
    Retry retry = f.attempt(RUN, 200);
    assertNotNull(retry);
    assertEquals(TimeUnit.SECONDS.toNanos(2), retry.delayNanos());
    assertEquals(ChainResult.RECOVERED, f.events.onlyFinished().result());
  }

  @Test
  void attemptTags() {
    assertEquals("1", AttemptTag.of(1));
    assertEquals("2", AttemptTag.of(2));
    assertEquals("3", AttemptTag.of(3));
    assertEquals("4", AttemptTag.of(4));
    assertEquals("5+", AttemptTag.of(5));
    assertEquals("5+", AttemptTag.of(Integer.MAX_VALUE));
    assertEquals("1", AttemptTag.of(0));
    f.attempt(RUN, 503);
    for (String expected : new String[] {"1", "2", "3", "4", "5+", "5+"}) {
      f.sleepMillis(200);
      assertEquals(expected, f.attempt(RUN, 503).attemptTag());
    }
  }

  @Test
  void aTightRetryLoopKeepsTheChainSmall() {
    f.attempt(RUN, 503);
    for (int i = 0; i < 100_000; i++) {
      f.attempt(RUN, 503);
    }
    f.attempt(RUN, 200);
    ChainSummary chain = f.events.onlyFinished();
    assertEquals(100_002, chain.attempts());
    assertEquals(BackoffPolicy.IMMEDIATE, chain.policy());
  }
}
