package dev.currents.agent.common.backoff;

import dev.currents.agent.common.CredentialFingerprint;
import dev.currents.agent.common.ErrorCategory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A RetryChains driven by a fake clock, recording every event it emits. */
final class ChainsFixture {

  static final long ATTEMPT_DURATION_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  final Events events = new Events();
  final RetryChains<String> chains;
  /** The fake System.nanoTime(); an arbitrary origin, as the real one has. */
  long now = 7_000_000_000L;

  ChainsFixture() {
    this(BackoffSettings.defaults());
  }

  ChainsFixture(BackoffSettings settings) {
    this(settings, () -> {});
  }

  ChainsFixture(BackoffSettings settings, Runnable wakeSweeper) {
    chains = new RetryChains<>(settings, events, wakeSweeper);
  }

  static BackoffSettings settings(Duration window, Duration minDelay, int maxOpenChains) {
    return BackoffSettings.of(window, minDelay, maxOpenChains);
  }

  static RequestKey key(String path) {
    return key(path, "key-1");
  }

  static RequestKey key(String path, String credential) {
    return RequestKey.of(
        "GET", "https", "api.currents.dev", -1, path, null, CredentialFingerprint.of(credential));
  }

  static String label(RequestKey key) {
    return "GET " + key;
  }

  void sleepMillis(double millis) {
    now += (long) (millis * 1_000_000);
  }

  /** An attempt that starts now, lasts ATTEMPT_DURATION_NANOS and ends with this status. */
  Retry attempt(RequestKey key, int status) {
    return attempt(key, status, RetryAfter.ABSENT);
  }

  Retry attempt(RequestKey key, int status, RetryAfter retryAfter) {
    return attempt(key, ErrorCategory.ofStatus(status), status, retryAfter);
  }

  /** An attempt that ends without a response. */
  Retry attempt(RequestKey key, ErrorCategory failure) {
    return attempt(key, failure, 0, RetryAfter.ABSENT);
  }

  private Retry attempt(RequestKey key, ErrorCategory category, int status, RetryAfter retryAfter) {
    long start = now;
    Retry retry = chains.onStart(key, label(key), start);
    now += ATTEMPT_DURATION_NANOS;
    chains.onEnd(key, label(key), retry, start, now, category, status, retryAfter);
    return retry;
  }

  /** Records events; thread-safe so that concurrency tests can share it. */
  static final class Events implements BackoffListener<String> {
    final List<Retry> retries = Collections.synchronizedList(new ArrayList<>());
    final List<String> retryLabels = Collections.synchronizedList(new ArrayList<>());
    final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());
    final List<ErrorCategory> violationTriggers = Collections.synchronizedList(new ArrayList<>());
    final List<ChainSummary> finished = Collections.synchronizedList(new ArrayList<>());
    final List<String> finishedLabels = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void retry(String label, Retry retry) {
      retries.add(retry);
      retryLabels.add(label);
    }

    @Override
    public void violation(String label, ErrorCategory trigger, Violation reason) {
      violations.add(reason);
      violationTriggers.add(trigger);
    }

    @Override
    public void chainFinished(String label, ChainSummary summary) {
      finished.add(summary);
      finishedLabels.add(label);
    }

    ChainSummary onlyFinished() {
      if (finished.size() != 1) {
        throw new AssertionError("expected one finished chain, got " + finished);
      }
      return finished.get(0);
    }

    void clear() {
      retries.clear();
      retryLabels.clear();
      violations.clear();
      violationTriggers.clear();
      finished.clear();
      finishedLabels.clear();
    }
  }
}
