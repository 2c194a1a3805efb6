package dev.currents.agent.common.backoff;

import static dev.currents.agent.common.backoff.ChainsFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The real backoff policies, 200 seeded random chains of 4 to 6 retries each, must be named right, and must
 * (or must not) be {@code not_increasing} when triggered by 429. The bars:
 *
 * <ul>
 *   <li>100% for the policies whose waits follow a fixed formula (fixed, exponential, equal jitter,
 *       Retry-After honoured, immediate, fixed with +-10% jitter): a miss is a bug, not bad luck;
 *   <li>95% for full jitter and Google's randomised exponential (x1.5, +-50%): a draw can land any wait near
 *       zero, and a few chains of four retries really do not show growth;
 *   <li>80% for decorrelated jitter, which draws each wait in [base, 3 x previous]: past the base its median
 *       grows only x1.1 per retry, and about one chain in eight stays under its first waits. Those chains did
 *       not grow, so calling them exponential would make the name mean "anything random"; they must be
 *       {@code irregular}, never a confident wrong name.
 * </ul>
 *
 * Run with {@code -Dbackoff.printRates=true} to see the measured rates (they are in BACKOFF-THRESHOLDS.md), and
 * {@code -Dbackoff.seed=N} to draw other chains.
 */
class BackoffPolicyStatisticsTest {

  private static final int CHAINS = 200;
  private static final long SEED = Long.getLong("backoff.seed", 20250601L);
  private static final double SECOND = 1000;
  private static final RequestKey RUN = key("/v1/runs/0c1a3b5d7e9f21436587a9cbedf01234");

  /** Waits of one chain, in milliseconds, as a client with this policy would produce them. */
  private interface Waits {
    double[] draw(Random random, int retries);
  }

  /** What the scheduler adds to any wait: a few milliseconds. */
  private static double noise(Random random) {
    return random.nextDouble() * 5;
  }

  private static final Waits FIXED_1S =
      (random, n) -> fill(n, i -> SECOND + noise(random));
  private static final Waits EXPONENTIAL_1_2_4_8 =
      (random, n) -> fill(n, i -> SECOND * (1 << i) + noise(random));
  /** AWS: sleep = random_between(0, base * 2 ** attempt). */
  private static final Waits FULL_JITTER =
      (random, n) -> fill(n, i -> random.nextDouble() * SECOND * (1 << i) + noise(random));
  /** AWS: temp = base * 2 ** attempt; sleep = temp / 2 + random_between(0, temp / 2). */
  private static final Waits EQUAL_JITTER =
      (random, n) -> fill(n, i -> SECOND * (1 << i) / 2 * (1 + random.nextDouble()) + noise(random));
  /** AWS: sleep = min(cap, random_between(base, sleep * 3)), sleep starting at base. */
  private static final Waits DECORRELATED_JITTER =
      (random, n) -> {
        double[] waits = new double[n];
        double sleep = SECOND;
        for (int i = 0; i < n; i++) {
          sleep = Math.min(60 * SECOND, SECOND + random.nextDouble() * (sleep * 3 - SECOND));
          waits[i] = sleep + noise(random);
        }
        return waits;
      };
  /** google-http-client's ExponentialBackOff: 500 ms initial, x1.5, randomisation factor 0.5. */
  private static final Waits GOOGLE_RANDOMIZED =
      (random, n) -> fill(n, i -> 500 * Math.pow(1.5, i) * (0.5 + random.nextDouble()) + noise(random));
  private static final Waits FIXED_WITH_JITTER =
      (random, n) -> fill(n, i -> SECOND * (0.9 + 0.2 * random.nextDouble()) + noise(random));
  private static final Waits IMMEDIATE = (random, n) -> fill(n, i -> random.nextDouble() * 20);
  /** Spring Retry's UniformRandomBackOffPolicy: a uniform draw between fixed bounds, no growth. */
  private static final Waits UNIFORM_RANDOM =
      (random, n) -> fill(n, i -> SECOND * (1 + 2 * random.nextDouble()));
  private static final Waits SHRINKING =
      (random, n) -> fill(n, i -> 8 * SECOND / (1 << i) + noise(random));

  private interface IndexedWait {
    double at(int i);
  }

  private static double[] fill(int n, IndexedWait wait) {
    double[] waits = new double[n];
    for (int i = 0; i < n; i++) {
      waits[i] = wait.at(i);
    }
    return waits;
  }

  /** The policies and not_increasing flags of CHAINS chains of 429s that recover after their waits. */
  private static final class Outcome {
    final Map<BackoffPolicy, Integer> policies = new EnumMap<>(BackoffPolicy.class);
    int notIncreasing;

    double rate(BackoffPolicy policy) {
      return policies.getOrDefault(policy, 0) / (double) CHAINS;
    }

    double notIncreasingRate() {
      return notIncreasing / (double) CHAINS;
    }
  }

  private static Outcome run(String name, Waits policy, boolean retryAfterHonoured) {
    Waits waitsOf = policy == null ? IMMEDIATE : policy;
    Random random = new Random(SEED);
    ChainsFixture f = new ChainsFixture();
    Outcome outcome = new Outcome();
    for (int chain = 0; chain < CHAINS; chain++) {
      int retries = 4 + random.nextInt(3);
      double[] waits = waitsOf.draw(random, retries);
      RetryAfter header = RetryAfter.ABSENT;
      if (retryAfterHonoured) {
        header = RetryAfter.ofSeconds(1 + random.nextInt(5));
      }
      f.events.clear();
      f.attempt(RUN, 429, header);
      for (int i = 0; i < retries; i++) {
        double wait = waits[i];
        if (retryAfterHonoured) {
          // The client waits what the last 429 asked, and a little more; the server asks anew.
          wait = header.delayMillis() + random.nextDouble() * 200;
          header = RetryAfter.ofSeconds(1 + random.nextInt(5));
        }
        f.sleepMillis(wait);
        f.attempt(RUN, i == retries - 1 ? 200 : 429, header);
      }
      outcome.policies.merge(f.events.onlyFinished().policy(), 1, Integer::sum);
      if (f.events.violations.contains(Violation.NOT_INCREASING)) {
        outcome.notIncreasing++;
      }
    }
    if (Boolean.getBoolean("backoff.printRates")) {
      System.out.printf("%-22s %s not_increasing=%.1f%%%n", name, outcome.policies, 100 * outcome.notIncreasingRate());
    }
    return outcome;
  }

  private static void assertRate(double atLeast, double rate, String what) {
    assertTrue(rate >= atLeast, what + ": " + rate + " < " + atLeast);
  }

  @Test
  void fixedWaitsAreConstantAndNotIncreasing() {
    Outcome o = run("fixed 1 s", FIXED_1S, false);
    assertEquals(1.0, o.rate(BackoffPolicy.CONSTANT));
    assertEquals(1.0, o.notIncreasingRate());
  }

  @Test
  void fixedWaitsWithJitterAreConstant() {
    Outcome o = run("fixed 1 s +-10%", FIXED_WITH_JITTER, false);
    assertEquals(1.0, o.rate(BackoffPolicy.CONSTANT));
    assertRate(0.85, o.notIncreasingRate(), "jittered fixed waits still flagged");
  }

  @Test
  void exponentialIsExponentialAndGrows() {
    Outcome o = run("exponential 1,2,4,8 s", EXPONENTIAL_1_2_4_8, false);
    assertEquals(1.0, o.rate(BackoffPolicy.EXPONENTIAL));
    assertEquals(0, o.notIncreasing);
  }

  @Test
  void equalJitterIsExponentialAndGrows() {
    Outcome o = run("equal jitter", EQUAL_JITTER, false);
    assertEquals(1.0, o.rate(BackoffPolicy.EXPONENTIAL));
    assertEquals(0, o.notIncreasing);
  }

  @Test
  void fullJitterIsExponential() {
    Outcome o = run("full jitter", FULL_JITTER, false);
    assertRate(0.95, o.rate(BackoffPolicy.EXPONENTIAL), "full jitter named exponential");
    assertRate(0.98, o.rate(BackoffPolicy.EXPONENTIAL) + o.rate(BackoffPolicy.IRREGULAR), "full jitter misses");
    // A chain is flagged when its first three draws happen to fall: 1/48 in theory, plus the noise.
    assertTrue(o.notIncreasingRate() <= 0.08, "full jitter flagged not_increasing: " + o.notIncreasingRate());
  }

  @Test
  void googleRandomizedExponentialIsExponential() {
    Outcome o = run("x1.5 +-50%", GOOGLE_RANDOMIZED, false);
    assertRate(0.95, o.rate(BackoffPolicy.EXPONENTIAL), "randomised x1.5 named exponential");
    assertTrue(o.notIncreasingRate() <= 0.08, "randomised x1.5 flagged: " + o.notIncreasingRate());
  }

  @Test
  void decorrelatedJitterIsMostlyExponentialAndItsMissesIrregular() {
    Outcome o = run("decorrelated jitter", DECORRELATED_JITTER, false);
    assertRate(0.80, o.rate(BackoffPolicy.EXPONENTIAL), "decorrelated jitter named exponential");
    // Now and then four draws land within 25% of each other, and the chain is constant; it looked it. The
    // other misses stayed near the base: inconclusive since issue #17 (irregular before), never a wrong name.
    assertRate(0.98, o.rate(BackoffPolicy.EXPONENTIAL) + o.rate(BackoffPolicy.IRREGULAR)
        + o.rate(BackoffPolicy.INCONCLUSIVE), "decorrelated misses");
    assertTrue(o.notIncreasingRate() <= 0.10, "decorrelated jitter flagged: " + o.notIncreasingRate());
  }

  @Test
  void honouredRetryAfterIsRetryAfter() {
    Outcome o = run("Retry-After honoured", null, true);
    assertEquals(1.0, o.rate(BackoffPolicy.RETRY_AFTER));
    assertEquals(0, o.notIncreasing);
  }

  @Test
  void immediateRetriesAreImmediateAndNotIncreasing() {
    Outcome o = run("immediate", IMMEDIATE, false);
    assertEquals(1.0, o.rate(BackoffPolicy.IMMEDIATE));
    assertEquals(1.0, o.notIncreasingRate());
  }

  @Test
  void shrinkingWaitsAreIrregularAndNotIncreasing() {
    Outcome o = run("shrinking 8,4,2,1 s", SHRINKING, false);
    assertEquals(1.0, o.rate(BackoffPolicy.IRREGULAR));
    assertEquals(1.0, o.notIncreasingRate());
  }

  @Test
  void uniformRandomWaitsAreMostlyNotExponential() {
    // No growth, but a running maximum of random draws creeps up: the price of reading jitter generously.
    Outcome o = run("uniform [1 s, 3 s]", UNIFORM_RANDOM, false);
    assertRate(0.75, 1 - o.rate(BackoffPolicy.EXPONENTIAL), "uniform random waits not named exponential");
  }
}
