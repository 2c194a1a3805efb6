package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.currents.simapi.RateLimit;
import dev.currents.simapi.Throttle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several keys throttled at once, two threads per key each retrying its own request: every chain is counted
 * once, none is mixed with another, and the counts add up to what the server answered.
 */
class ConcurrentBackoffIT {

  private static final int THROTTLED_PER_KEY = 3;
  private static final int THREADS_PER_KEY = 2;

  @Test
  void chainsOfConcurrentClientsAreKeptApartAndAddUp() throws Exception {
    TestApi api = TestApi.start();
    for (String key : TestApi.MORE_RW_KEYS) {
      api.api.rateLimit(key, RateLimit.pattern(0, THROTTLED_PER_KEY).throttle(Throttle.NO_RETRY_AFTER));
    }
    AppJvm.Builder builder =
        api.app(Jdks.all().get(0))
            .mainClass("dev.currents.testapp.ConcurrentRetries")
            .arguments(api.api.httpBaseUrl() + "/v1/projects", Integer.toString(THREADS_PER_KEY))
            .arguments(TestApi.MORE_RW_KEYS);
    try (AppJvm app = builder.start()) {
      List<String> results = app.startOutput();
      int threads = TestApi.MORE_RW_KEYS.length * THREADS_PER_KEY;
      int throttled = TestApi.MORE_RW_KEYS.length * THROTTLED_PER_KEY;
      assertEquals(threads, results.size());
      int attempts = 0;
      int retried = 0;
      for (String result : results) {
        int made = Integer.parseInt(result.substring(result.lastIndexOf(' ') + 1));
        assertEquals("STATUS 200", result.substring(0, "STATUS 200".length()), result);
        attempts += made;
        retried += made > 1 ? 1 : 0;
      }
      assertEquals(threads + throttled, attempts, "every 429 was retried once");

      PrometheusScrape scrape = awaitChains(app, retried);
      assertEquals(attempts, scrape.requests("endpoint", "/v1/projects"));
      assertEquals(throttled, scrape.requests("error_category", "too_many_requests"));
      assertEquals(throttled, scrape.requests("resend", "true"));
      assertEquals(throttled, scrape.sum("currents_api_backoff_delay_seconds_count"));
      assertEquals(retried, scrape.sum("currents_api_retry_chains_total", "result", "recovered"));
      assertEquals(retried, scrape.sum("currents_api_retry_chains_total"));
      assertEquals(throttled + retried, scrape.sum("currents_api_retry_chain_attempts_sum"));
      assertEquals(0, scrape.sum("currents_api_backoff_violations_total", "reason", "no_backoff"));
    } finally {
      api.api.close();
    }
  }

  private static PrometheusScrape awaitChains(AppJvm app, int chains) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    PrometheusScrape scrape = app.scrape();
    while (scrape.sum("currents_api_retry_chains_total") < chains && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = app.scrape();
    }
    return scrape;
  }
}
