package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.simapi.RateLimit;
import dev.currents.simapi.Throttle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17's service: a Spring Boot 3.5 application calling Currents through RestClient (JDK HttpClient),
 * WebClient (Reactor Netty) and a RestTemplate on Apache HttpClient 5, each call site retrying in its own way,
 * its {@code spring.application.name} in its {@code application.properties}. The agent must name the service
 * by it, and say which client ignores {@code Retry-After} and how each one backs off.
 */
class SpringBootServiceIT {

  private static final String PROJECTS = "/v1/projects";

  @TempDir Path resources;

  @Test
  void eachClientOfTheServiceHasItsOwnVerdict() throws Exception {
    TestApi api = TestApi.start();
    String restClientKey = TestApi.MORE_RW_KEYS[0];
    String webClientKey = TestApi.MORE_RW_KEYS[1];
    String restTemplateKey = TestApi.MORE_RW_KEYS[2];
    api.api.rateLimit(restClientKey, RateLimit.pattern(0, 3).throttle(Throttle.RETRY_AFTER_SECONDS, 2));
    api.api.rateLimit(webClientKey, RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    api.api.rateLimit(restTemplateKey, RateLimit.pattern(0, 3).throttle(Throttle.RETRY_AFTER_SECONDS, 1));
    // The service's own configuration, on its class path as a build puts it; quiet, since standard output is
    // the test application's protocol.
    Files.write(resources.resolve("application.properties"),
        ("spring.application.name=orders-service\nspring.main.banner-mode=off\nlogging.level.root=off\n")
            .getBytes(StandardCharsets.UTF_8));
    try (AppJvm app = Subjects.SPRING_BOOT.version("3.5.7").app(api).classPath(resources.toString()).start()) {
      assertEquals("STATUS 200", app.call("spring-boot-orders-service", "GET", api.api.httpBaseUrl() + PROJECTS,
          "header=Authorization:Bearer%20" + restClientKey, "header=Authorization:Bearer%20" + webClientKey,
          "header=Authorization:Bearer%20" + restTemplateKey));
      PrometheusScrape scrape = app.scrape();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (scrape.sum("currents_api_retry_chains_total") < 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        scrape = app.scrape();
      }
      String text = scrape.text();
      assertEquals("orders-service",
          scrape.samples("currents_agent_errors_total").get(0).labels().get("service_name"), text);

      // RestClient with Spring Retry's fixed 1 s comes back before Retry-After: 2, three times: that call site.
      assertChain(scrape, "java-http-client", "constant");
      assertEquals(3, scrape.sum("currents_api_backoff_violations_total", "client", "java-http-client",
          "reason", "retry_after_ignored"), text);
      assertEquals(3, scrape.sum("currents_api_backoff_violations_total", "reason", "retry_after_ignored"), text);
      assertEquals(3, scrape.sum("currents_api_retry_after_seconds_count", "client", "java-http-client"), text);

      // WebClient with Reactor's Retry.backoff(3, 200ms): exponential; its jitter may draw three falling
      // waits (about 1 chain in 100), which is not_increasing, once.
      assertChain(scrape, "reactor-netty", "exponential");
      double notIncreasing = scrape.sum("currents_api_backoff_violations_total", "client", "reactor-netty");
      assertTrue(notIncreasing <= 1, text);
      assertEquals(notIncreasing, scrape.sum("currents_api_backoff_violations_total", "client", "reactor-netty",
          "reason", "not_increasing"), text);

      // RestTemplate on Apache HttpClient 5, whose own retry waits out Retry-After: 1.
      assertChain(scrape, "apache-httpclient-5", "retry_after");
      assertEquals(0, scrape.sum("currents_api_backoff_violations_total", "client", "apache-httpclient-5"), text);
      assertEquals(3, scrape.sum("currents_api_backoff_delay_seconds_count", "client", "apache-httpclient-5",
          "compliant", "true"), text);
      assertEquals(3, scrape.sum("currents_api_retry_after_seconds_count", "client", "apache-httpclient-5"), text);

      assertEquals(3, scrape.sum("currents_api_retry_chains_total"), text);
      assertEquals(9, scrape.sum("currents_api_backoff_delay_seconds_count"), "every retry is one client's: " + text);
    } finally {
      api.api.close();
    }
  }

  /** One recovered chain of four attempts through {@code client}, with this policy, all its retries its own. */
  private static void assertChain(PrometheusScrape scrape, String client, String policy) {
    String text = scrape.text();
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", "client", client), client + ": " + text);
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", "client", client, "result", "recovered",
        "policy", policy), client + ": " + text);
    assertEquals(4, scrape.sum("currents_api_retry_chain_attempts_sum", "client", client), client + ": " + text);
    assertEquals(3, scrape.sum("currents_api_backoff_delay_seconds_count", "client", client), client + ": " + text);
    assertEquals(4, scrape.requests("client", client, "endpoint", PROJECTS), client + ": " + text);
  }
}
