package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code policy} the agent names for the retry styles services really run, at their real scale (first
 * waits of 100 ms to 1 s, caps of tens of seconds), over many seeded chains of 3 to 6 retries, plus the
 * two-retry chains that are too short to name. The waits are drawn with each library's own formula (cited on
 * each style), so a change of a threshold shows here as a change of accuracy per style. The README's Backoff
 * section quotes these rates: {@code -Dbackoff.printRates=true} prints them, {@code -Dbackoff.seed=N} draws
 * other chains.
 *
 * <p>Bars: 100% where a miss is a bug (formula-driven waits, Retry-After followed, immediate, two retries);
 * for jittered exponential styles at least the rate named, never {@code constant} beyond a few percent, and
 * the rest {@code inconclusive} or {@code irregular}, never a confident wrong name.
 */
class BackoffPolicyAccuracyTest {

  private static final int CHAINS = 2000;
  private static final long SEED = Long.getLong("backoff.seed", 20261207L);
  private static final RequestKey RUN = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234");

  /** One chain's waits in milliseconds; {@code i} counts retries from 0. */
  private interface Style {
    double[] waits(Random random, int retries);
  }

  /** Scheduler and measurement noise on top of any wait the client chose: 0 to 5 ms. */
  private static double noise(Random random) {
    return random.nextDouble() * 5;
  }

  /** A style whose wait before retry {@code i} is a function of {@code i} alone (and the random draw). */
  private interface PerRetry {
    double at(Random random, int i);
  }

  private static Style perRetry(PerRetry wait) {
    return (random, n) -> {
      double[] waits = new double[n];
      for (int i = 0; i < n; i++) {
        waits[i] = wait.at(random, i) + noise(random);
      }
      return waits;
    };
  }

  static Style fixed(double millis) {
    return perRetry((random, i) -> millis);
  }

  static Style fixedJitter(double millis) {
    return perRetry((random, i) -> millis * (0.9 + 0.2 * random.nextDouble()));
  }

  static Style exponential(double base, double multiplier) {
    return perRetry((random, i) -> base * Math.pow(multiplier, i));
  }

  /**
   * Reactor's {@code Retry.backoff(n, minBackoff)} (RetryBackoffSpec): {@code minBackoff * 2^i} plus a jitter of
   * +-50% of it, its low bound clipped so that no wait is under {@code minBackoff}.
   */
  static Style reactor(double minBackoff) {
    return perRetry(
        (random, i) -> {
          double next = minBackoff * Math.pow(2, i);
          double offset = next * 0.5;
          double low = Math.max(minBackoff - next, -offset);
          return next + low + random.nextDouble() * (offset - low);
        });
  }

  /**
   * Resilience4j's {@code IntervalFunction.ofExponentialRandomBackoff(initial, multiplier, factor)} and
   * google-http-client's {@code ExponentialBackOff} (500 ms, x1.5, factor 0.5 by default, 60 s cap): the
   * exponential interval, randomised uniformly within +-factor of it.
   */
  static Style randomizedExponential(double initial, double multiplier, double factor, double cap) {
    return perRetry(
        (random, i) ->
            Math.min(cap, initial * Math.pow(multiplier, i)) * (1 - factor + 2 * factor * random.nextDouble()));
  }

  /** Spring Retry's {@code ExponentialRandomBackOffPolicy}: the interval times 1 + r * (multiplier - 1). */
  static Style springExponentialRandom(double initial, double multiplier, double max) {
    return perRetry(
        (random, i) ->
            Math.min(max, initial * Math.pow(multiplier, i)) * (1 + random.nextFloat() * (multiplier - 1)));
  }

  /** AWS "full jitter": random_between(0, min(cap, base * 2^i)). */
  static Style fullJitter(double base, double cap) {
    return perRetry((random, i) -> random.nextDouble() * Math.min(cap, base * Math.pow(2, i)));
  }

  /** AWS "equal jitter": half the interval, plus a random draw of up to the other half. */
  static Style equalJitter(double base, double cap) {
    return perRetry((random, i) -> Math.min(cap, base * Math.pow(2, i)) / 2 * (1 + random.nextDouble()));
  }

  /** AWS "decorrelated jitter": sleep = min(cap, random_between(base, sleep * 3)), sleep starting at base. */
  static Style decorrelatedJitter(double base, double cap) {
    return (random, n) -> {
      double[] waits = new double[n];
      double sleep = base;
      for (int i = 0; i < n; i++) {
        sleep = Math.min(cap, base + random.nextDouble() * (sleep * 3 - base));
        waits[i] = sleep + noise(random);
      }
      return waits;
    };
  }

  /** Spring Retry's {@code UniformRandomBackOffPolicy}: a uniform draw between fixed bounds, no growth. */
  static Style uniformRandom(double min, double max) {
    return perRetry((random, i) -> min + random.nextDouble() * (max - min));
  }

  static Style shrinking(double first) {
    return perRetry((random, i) -> first / Math.pow(2, i));
  }

  static Style immediate() {
    return (random, n) -> {
      double[] waits = new double[n];
      for (int i = 0; i < n; i++) {
        waits[i] = random.nextDouble() * 20;
      }
      return waits;
    };
  }

  /** What the server says on each 429: nothing, a fixed delta-seconds, or a fresh draw per failure. */
  private interface Advice {
    RetryAfter next(Random random);
  }

  private static final Advice NONE = random -> RetryAfter.ABSENT;

  /** Chains named, by policy, out of CHAINS. */
  static final class Names {
    final Map<BackoffPolicy, Integer> counts = new EnumMap<>(BackoffPolicy.class);

    double rate(BackoffPolicy policy) {
      return counts.getOrDefault(policy, 0) / (double) CHAINS;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (Map.Entry<BackoffPolicy, Integer> e : counts.entrySet()) {
        out.append(String.format(Locale.ROOT, " %s %.1f%%", e.getKey().tagValue(), 100.0 * e.getValue() / CHAINS));
      }
      return out.toString().trim();
    }
  }

  /**
   * CHAINS chains of 429s in this style, each of {@code minRetries} to {@code maxRetries} retries, the last
   * recovering. With advice, the client waits what {@code style} draws, or what the advice says when
   * {@code followAdvice}.
   */
  static Names run(String name, Style style, int minRetries, int maxRetries, Advice advice, boolean followAdvice) {
    Random random = new Random(SEED ^ name.hashCode());
    ChainsFixture f = new ChainsFixture();
    Names names = new Names();
    for (int chain = 0; chain < CHAINS; chain++) {
      int retries = minRetries + random.nextInt(maxRetries - minRetries + 1);
      double[] waits = style.waits(random, retries);
      RetryAfter header = advice.next(random);
      f.events.clear();
      f.attempt(RUN, 429, header);
      for (int i = 0; i < retries; i++) {
        double wait = followAdvice ? header.delayMillis() + random.nextDouble() * 200 : waits[i];
        f.sleepMillis(wait);
        header = advice.next(random);
        f.attempt(RUN, i == retries - 1 ? 200 : 429, header);
      }
      names.counts.merge(f.events.onlyFinished().policy(), 1, Integer::sum);
    }
    if (Boolean.getBoolean("backoff.printRates")) {
      System.out.printf(Locale.ROOT, "| %s | %d-%d | %s |%n", name, minRetries, maxRetries, names);
    }
    return names;
  }

  static Names run(String name, Style style) {
    return run(name, style, 3, 6, NONE, false);
  }

  private static void assertAtLeast(double bar, double rate, String what) {
    assertTrue(rate >= bar, what + ": " + rate + " < " + bar);
  }

  private static void assertAtMost(double bar, double rate, String what) {
    assertTrue(rate <= bar, what + ": " + rate + " > " + bar);
  }

  /**
   * A jittered exponential style: named {@code exponential} at least {@code bar}, {@code constant} at most
   * {@code constantBar}, never {@code retry_after} or {@code single}, and {@code immediate} only when every
   * wait really was under the minimum delay (full jitter from 0 draws that now and then).
   */
  private static void assertJitteredExponential(String name, Style style, double bar, double constantBar) {
    Names n = run(name, style);
    assertAtMost(0.05, n.rate(BackoffPolicy.IMMEDIATE), name + " named immediate " + n);
    assertAtLeast(bar, n.rate(BackoffPolicy.EXPONENTIAL), name + " named exponential " + n);
    assertAtMost(constantBar, n.rate(BackoffPolicy.CONSTANT), name + " named constant " + n);
    assertEquals(
        1.0,
        n.rate(BackoffPolicy.EXPONENTIAL)
            + n.rate(BackoffPolicy.CONSTANT)
            + n.rate(BackoffPolicy.IMMEDIATE)
            + n.rate(BackoffPolicy.INCONCLUSIVE)
            + n.rate(BackoffPolicy.IRREGULAR),
        1e-9,
        name + " " + n);
  }

  @Test
  void fixedWaitsAreConstant() {
    for (double millis : new double[] {300, 1000, 5000, 30_000}) {
      assertEquals(1.0, run("fixed " + millis + " ms", fixed(millis)).rate(BackoffPolicy.CONSTANT));
      assertEquals(1.0, run("fixed " + millis + " ms +-10%", fixedJitter(millis)).rate(BackoffPolicy.CONSTANT));
    }
  }

  @Test
  void exponentialWaitsWithoutJitterAreExponential() {
    assertEquals(1.0, run("x2 from 100 ms", exponential(100, 2)).rate(BackoffPolicy.EXPONENTIAL));
    assertEquals(1.0, run("x2 from 1 s", exponential(1000, 2)).rate(BackoffPolicy.EXPONENTIAL));
    assertEquals(1.0, run("x1.5 from 500 ms", exponential(500, 1.5)).rate(BackoffPolicy.EXPONENTIAL));
    // Spring Retry's ExponentialBackOffPolicy defaults: 100 ms, x2, capped at 30 s.
    assertEquals(1.0, run("Spring ExponentialBackOffPolicy", exponential(100, 2)).rate(BackoffPolicy.EXPONENTIAL));
  }

  @Test
  void reactorRetryBackoffIsExponential() {
    assertJitteredExponential("Reactor Retry.backoff(n, 100ms)", reactor(100), 0.99, 0.01);
    assertJitteredExponential("Reactor Retry.backoff(n, 200ms)", reactor(200), 0.99, 0.01);
    assertJitteredExponential("Reactor Retry.backoff(n, 1s)", reactor(1000), 0.99, 0.01);
  }

  @Test
  void randomizedExponentialIsExponential() {
    assertJitteredExponential(
        "Resilience4j ofExponentialRandomBackoff(500ms, 1.5, 0.5)", randomizedExponential(500, 1.5, 0.5, 1e9),
        0.93, 0.02);
    assertJitteredExponential(
        "Resilience4j ofExponentialRandomBackoff(150ms, 2, 0.2)", randomizedExponential(150, 2, 0.2, 1e9),
        0.99, 0.01);
    assertJitteredExponential(
        "google-http-client ExponentialBackOff()", randomizedExponential(500, 1.5, 0.5, 60_000), 0.93, 0.02);
    assertJitteredExponential(
        "Spring ExponentialRandomBackOffPolicy(100ms, 2)", springExponentialRandom(100, 2, 30_000), 0.99, 0.01);
  }

  @Test
  void awsJitterSchemesAreExponentialOrInconclusive() {
    assertJitteredExponential("equal jitter 100 ms, cap 20 s", equalJitter(100, 20_000), 0.99, 0.01);
    assertJitteredExponential("equal jitter 1 s, cap 20 s", equalJitter(1000, 20_000), 0.99, 0.01);
    // Full jitter draws from 0: at a 100 ms base three retries may all land within the measurement slack.
    assertJitteredExponential("full jitter 100 ms, cap 20 s", fullJitter(100, 20_000), 0.90, 0.05);
    assertJitteredExponential("full jitter 1 s, cap 20 s", fullJitter(1000, 20_000), 0.93, 0.02);
    // Decorrelated jitter grows by x1.1 a retry at its median; a chain that stayed within 3x its base did not
    // grow, and is inconclusive or irregular.
    assertJitteredExponential("decorrelated jitter 100 ms, cap 20 s", decorrelatedJitter(100, 20_000), 0.80, 0.05);
    assertJitteredExponential("decorrelated jitter 1 s, cap 20 s", decorrelatedJitter(1000, 20_000), 0.83, 0.02);
  }

  @Test
  void twoRetriesAreInconclusiveWhateverTheStyle() {
    Style[] styles = {
      fixed(1000), exponential(200, 2), reactor(200), randomizedExponential(500, 1.5, 0.5, 60_000),
      fullJitter(1000, 20_000), decorrelatedJitter(1000, 20_000), shrinking(4000)
    };
    String[] names = {
      "fixed 1 s", "x2 from 200 ms", "Reactor Retry.backoff(2, 200ms)", "google-http-client ExponentialBackOff()",
      "full jitter 1 s", "decorrelated jitter 1 s", "shrinking from 4 s"
    };
    for (int i = 0; i < styles.length; i++) {
      Names n = run(names[i] + ", two retries", styles[i], 2, 2, NONE, false);
      // Full jitter from 1 s draws both waits under 100 ms in a few chains in a thousand: those are immediate.
      assertAtLeast(0.99, n.rate(BackoffPolicy.INCONCLUSIVE), "two retries inconclusive " + n);
      assertEquals(1.0, n.rate(BackoffPolicy.INCONCLUSIVE) + n.rate(BackoffPolicy.IMMEDIATE), 1e-9, n::toString);
    }
    assertEquals(1.0, run("two immediate retries", immediate(), 2, 2, NONE, false).rate(BackoffPolicy.IMMEDIATE));
  }

  @Test
  void followedRetryAfterIsRetryAfter() {
    Advice seconds = random -> RetryAfter.ofSeconds(1 + random.nextInt(5));
    assertEquals(1.0, run("Retry-After 1-5 s followed", immediate(), 2, 6, seconds, true)
        .rate(BackoffPolicy.RETRY_AFTER));
  }

  @Test
  void retryAfterZeroIsTheClientsOwnBackoff() {
    Advice zero = random -> RetryAfter.ofSeconds(0);
    Names n = run("Retry-After 0, client x2 from 300 ms", exponential(300, 2), 3, 6, zero, false);
    assertEquals(1.0, n.rate(BackoffPolicy.EXPONENTIAL), n::toString);
    Names jittered = run("Retry-After 0, Reactor 200 ms", reactor(200), 3, 6, zero, false);
    assertEquals(0.0, jittered.rate(BackoffPolicy.RETRY_AFTER), jittered::toString);
    assertEquals(1.0, run("Retry-After 0, immediate", immediate(), 3, 6, zero, false).rate(BackoffPolicy.IMMEDIATE));
  }

  @Test
  void retryAfterFarBelowTheWaitsIsTheClientsOwnBackoff() {
    Advice oneSecond = random -> RetryAfter.ofSeconds(1);
    Names n = run("Retry-After 1 s, client x2 from 1.5 s", exponential(1500, 2), 3, 6, oneSecond, false);
    assertEquals(1.0, n.rate(BackoffPolicy.EXPONENTIAL), n::toString);
  }

  @Test
  void shrinkingWaitsAreIrregular() {
    assertEquals(1.0, run("shrinking from 8 s", shrinking(8000)).rate(BackoffPolicy.IRREGULAR));
  }

  @Test
  void immediateRetriesAreImmediate() {
    assertEquals(1.0, run("immediate", immediate()).rate(BackoffPolicy.IMMEDIATE));
  }

  @Test
  void uniformRandomWaitsAreRarelyExponential() {
    // No growth, but the running maximum of random draws creeps up: the price of reading jitter generously.
    Names n = run("Spring UniformRandomBackOffPolicy(1 s, 3 s)", uniformRandom(1000, 3000));
    assertAtMost(0.25, n.rate(BackoffPolicy.EXPONENTIAL), "uniform random named exponential " + n);
    assertAtMost(0.10, n.rate(BackoffPolicy.CONSTANT), "uniform random named constant " + n);
  }
}
