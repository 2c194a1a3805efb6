package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.currents.simapi.RateLimit;
import dev.currents.simapi.Throttle;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real retry code, hand-written and from the common libraries, retries throttled calls to the simulated API;
 * the agent's metrics must say what a careful engineer reading that code would say about it. Each style runs
 * in an application JVM of its own, so each test sees exactly its own chain.
 */
class BackoffIT {

  private static final String URL_PATH = "/v1/projects";
  private static final String[] ROUTE = {"method", "GET", "endpoint", "/v1/projects"};
  private static TestApi api;

  @BeforeAll
  static void startApi() {
    api = TestApi.start();
  }

  @AfterAll
  static void stopApi() {
    api.api.close();
  }

  @Test
  void anImmediateLoopHasNoBackoff() throws Exception {
    Chain chain = retry("immediate", RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    chain.assertEnded("recovered", "immediate", 4);
    chain.assertViolations(Map.of("no_backoff", 3, "not_increasing", 1));
    chain.assertRetries(3, 0);
  }

  @Test
  void aConstantWaitIsNotIncreasing() throws Exception {
    Chain chain = retry("constant", RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    chain.assertEnded("recovered", "constant", 4);
    chain.assertViolations(Map.of("not_increasing", 1));
    chain.assertRetries(3, 2);
  }

  @Test
  void anExponentialWaitComplies() throws Exception {
    Chain chain = retry("exponential", RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    chain.assertEnded("recovered", "exponential", 4);
    chain.assertViolations(Map.of());
    chain.assertRetries(3, 3);
  }

  @Test
  void anExponentialWaitShorterThanRetryAfterIgnoresIt() throws Exception {
    Chain chain = retry("exponential", RateLimit.pattern(0, 3).throttle(Throttle.RETRY_AFTER_SECONDS, 2));
    chain.assertEnded("recovered", "exponential", 4);
    chain.assertViolations(Map.of("retry_after_ignored", 3));
    chain.assertRetries(3, 0);
    assertEquals(3, chain.scrape.sum("currents_api_retry_after_seconds_count", "status", "429"));
    assertEquals(6.0, chain.scrape.sum("currents_api_retry_after_seconds_sum", "status", "429"), 0.5);
  }

  @Test
  void resilience4jRandomizedExponentialBackoffComplies() throws Exception {
    Chain chain = retry("resilience4j", RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    chain.assertEnded("recovered", "exponential", 4);
    chain.assertViolations(Map.of());
    chain.assertRetries(3, 3);
  }

  @Test
  void failsafeHonouringRetryAfterComplies() throws Exception {
    Chain chain = retry("failsafe", RateLimit.pattern(0, 2).throttle(Throttle.RETRY_AFTER_SECONDS, 1));
    chain.assertEnded("recovered", "retry_after", 3);
    chain.assertViolations(Map.of());
    chain.assertRetries(2, 2);
  }

  @Test
  void springRetryExponentialBackOffPolicyComplies() throws Exception {
    Chain chain = retry("spring", RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    chain.assertEnded("recovered", "exponential", 4);
    chain.assertViolations(Map.of());
    chain.assertRetries(3, 3);
  }

  @Test
  void aChainTheClientGivesUpOnIsAbandonedAfterTheWindow() throws Exception {
    Chain chain =
        retry("exponential", RateLimit.pattern(0, 100).throttle(Throttle.NO_RETRY_AFTER), "currents.agent.backoff.window", "6s");
    chain.assertEnded("abandoned", "exponential", 6);
    chain.assertRetries(5, 5);
  }

  @Test
  void aChainEndingInANonRetryableErrorFailed() throws Exception {
    api.api.script().on("GET", URL_PATH).respond(503);
    api.api.script().on("GET", URL_PATH).respond(401);
    Chain chain = retry("constant", RateLimit.unlimited());
    assertEquals("STATUS 401 ATTEMPTS 2", chain.answer);
    chain.assertEnded("failed", "single", 2);
    assertEquals(1, chain.scrape.sum("currents_api_retry_chains_total", "trigger", "server_error"));
  }

  /**
   * A client's own retries are attempts too: Feign's default {@code Retryer} resends a 429 that carries
   * {@code Retry-After}, waiting that long, each resend an attempt of HttpURLConnection underneath.
   */
  @Test
  void feignsOwnRetryerHonouringRetryAfterComplies() throws Exception {
    Chain chain =
        chain(Subjects.FEIGN.version("13.13").app(api), "feign-retrying",
            RateLimit.pattern(0, 2).throttle(Throttle.RETRY_AFTER_SECONDS, 1));
    assertEquals("STATUS 200", chain.answer);
    chain.assertEnded("recovered", "retry_after", 3);
    chain.assertViolations(Map.of());
    chain.assertRetries(2, 2);
  }

  /** Runs one retrying call in a fresh application JVM and waits until its chain is finished. */
  private static Chain retry(String style, RateLimit throttle, String... properties) throws Exception {
    return chain(api.app(Jdks.all().get(0)), "retry-" + style, throttle, properties);
  }

  /** Runs one call of {@code client}, which retries, in the application {@code builder} starts. */
  private static Chain chain(AppJvm.Builder builder, String client, RateLimit throttle, String... properties)
      throws Exception {
    api.api.rateLimit(TestApi.RW_KEY, throttle);
    for (int i = 0; i < properties.length; i += 2) {
      builder.property(properties[i], properties[i + 1]);
    }
    try (AppJvm app = builder.start()) {
      String answer =
          app.call(client, "GET", api.api.httpBaseUrl() + URL_PATH, "header=Authorization:Bearer%20" + TestApi.RW_KEY);
      return new Chain(answer, awaitScrape(app, scrape -> scrape.sum("currents_api_retry_chains_total") > 0));
    } finally {
      api.api.reset();
      api.api.rateLimit(TestApi.RW_KEY, RateLimit.unlimited());
    }
  }

  private static PrometheusScrape awaitScrape(AppJvm app, Predicate<PrometheusScrape> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    PrometheusScrape scrape = app.scrape();
    while (!done.test(scrape) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = app.scrape();
    }
    return scrape;
  }

  private record Chain(String answer, PrometheusScrape scrape) {

    void assertEnded(String result, String policy, int attempts) {
      assertEquals(1, scrape.sum("currents_api_retry_chains_total", with("result", result, "policy", policy)),
          () -> "one chain " + result + "/" + policy + " in:\n" + scrape.text());
      assertEquals(1, scrape.sum("currents_api_retry_chains_total"), "exactly one chain");
      assertEquals(attempts, scrape.sum("currents_api_retry_chain_attempts_sum", with("result", result)));
      assertEquals(1, scrape.sum("currents_api_retry_chain_duration_seconds_count", with("result", result)));
      assertEquals(attempts, scrape.requests(ROUTE), "every attempt is one request sample");
      assertEquals(attempts - 1, scrape.requests(with("resend", "true")), "retries are resends");
    }

    void assertViolations(Map<String, Integer> expected) {
      for (String reason : new String[] {"no_backoff", "not_increasing", "retry_after_ignored"}) {
        assertEquals(expected.getOrDefault(reason, 0),
            (int) scrape.sum("currents_api_backoff_violations_total", with("reason", reason)),
            () -> reason + " in:\n" + scrape.text());
      }
    }

    void assertRetries(int retries, int compliant) {
      assertEquals(retries, scrape.sum("currents_api_backoff_delay_seconds_count", ROUTE));
      assertEquals(compliant, scrape.sum("currents_api_backoff_delay_seconds_count", with("compliant", "true")));
      for (int attempt = 1; attempt <= Math.min(retries, 4); attempt++) {
        assertEquals(1, scrape.sum("currents_api_backoff_delay_seconds_count", with("attempt", Integer.toString(attempt))));
      }
      assertEquals(Math.max(retries - 4, 0), scrape.sum("currents_api_backoff_delay_seconds_count", with("attempt", "5+")));
    }

    private static String[] with(String... labels) {
      String[] all = new String[ROUTE.length + labels.length];
      System.arraycopy(ROUTE, 0, all, 0, ROUTE.length);
      System.arraycopy(labels, 0, all, ROUTE.length, labels.length);
      return all;
    }
  }
}
