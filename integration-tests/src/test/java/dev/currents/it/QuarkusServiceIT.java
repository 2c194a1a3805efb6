package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.currents.simapi.RateLimit;
import dev.currents.simapi.Throttle;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Quarkus service (integration-tests/quarkus-service) run as Quarkus services ship, {@code java -jar
 * quarkus-app/quarkus-run.jar}, with the agent attached: it calls Currents over HTTPS through the Quarkus REST client,
 * which sends on Vert.x's HttpClient, and retries a throttled listing with MicroProfile Fault Tolerance's
 * {@code @Retry}. Each attempt must be counted once, as {@code vertx-http-client}, on its route, with its category;
 * each retry annotation gets its own verdict; the service is named by its {@code quarkus.application.name}.
 */
class QuarkusServiceIT {

  private static final Path SERVICE =
      Paths.get(System.getProperty("it.quarkus.service", "quarkus-service/target/quarkus-app/quarkus-run.jar"));
  private static final String CLIENT = "vertx-http-client";
  private static final String PROJECTS = "/v1/projects";
  private static final String RUN = "/v1/runs/{runId}";
  private static final String CANCEL = "/v1/runs/{runId}/cancel";
  private static final String A_RUN = "0123456789abcdef0123456789abcdef";
  private static final String FIXED_DELAY_KEY = TestApi.MORE_RW_KEYS[0];
  private static final String BACKOFF_KEY = TestApi.MORE_RW_KEYS[1];

  private TestApi api;
  private AppJvm service;

  @BeforeEach
  void startService() throws Exception {
    api = TestApi.start();
    api.api.rateLimit(FIXED_DELAY_KEY, RateLimit.pattern(0, 3).throttle(Throttle.RETRY_AFTER_SECONDS, 2));
    api.api.rateLimit(BACKOFF_KEY, RateLimit.pattern(0, 3).throttle(Throttle.NO_RETRY_AFTER));
    service = api.app(Jdks.current()).mainJar(SERVICE)
        .property("quarkus.rest-client.currents.url", api.api.httpsBaseUrl())
        .start();
  }

  @AfterEach
  void stopService() throws Exception {
    try {
      service.close();
    } finally {
      api.api.close();
    }
  }

  @Test
  void eachAttemptOnceOnItsRouteWithItsCategory() throws Exception {
    assertEquals("STATUS 200", service.request("projects " + TestApi.RW_KEY));
    assertEquals("STATUS 200", service.request("run " + TestApi.RW_KEY + " " + A_RUN));
    assertEquals("STATUS 404", service.request("run " + TestApi.RW_KEY + " no-such-run"));
    assertEquals("STATUS 403", service.request("cancel-run " + TestApi.RO_KEY + " " + A_RUN));
    assertEquals("STATUS 401", service.request("projects not-a-key"));

    PrometheusScrape scrape = service.scrape();
    String text = scrape.text();
    assertEquals(5, api.api.received().size(), text);
    assertEquals(5, scrape.requests(), "one sample per request the API received: " + text);
    assertEquals(5, scrape.requests("client", CLIENT), text);
    assertAttempt(scrape, "GET", PROJECTS, "200", "ok");
    assertAttempt(scrape, "GET", RUN, "200", "ok");
    assertAttempt(scrape, "GET", RUN, "404", "not_found");
    assertAttempt(scrape, "PUT", CANCEL, "403", "forbidden");
    assertAttempt(scrape, "GET", PROJECTS, "401", "unauthorized");
    assertEquals(0, scrape.requests("resend", "true"), text);
  }

  @Test
  void eachRetryAnnotationGetsItsOwnVerdict() throws Exception {
    // @Retry(delay = 1 s): back before Retry-After: 2, three times.
    assertEquals("STATUS 200", service.request("projects-fixed-retry " + FIXED_DELAY_KEY));
    // @Retry(delay = 200 ms) with @ExponentialBackoff: 200, 400, 800 ms, no Retry-After to honour.
    assertEquals("STATUS 200", service.request("projects-exponential-retry " + BACKOFF_KEY));

    PrometheusScrape scrape = service.scrape();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (scrape.sum("currents_api_retry_chains_total") < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = service.scrape();
    }
    String text = scrape.text();
    assertEquals(8, api.api.received().size(), text);
    assertEquals(8, scrape.requests("client", CLIENT, "endpoint", PROJECTS), text);
    assertEquals(6, scrape.requests("client", CLIENT, "status", "429", "error_category", "too_many_requests"), text);
    assertEquals(6, scrape.requests("client", CLIENT, "resend", "true"), text);

    assertEquals(2, scrape.sum("currents_api_retry_chains_total"), text);
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", "client", CLIENT, "endpoint", PROJECTS,
        "trigger", "too_many_requests", "result", "recovered", "policy", "constant"), text);
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", "client", CLIENT, "endpoint", PROJECTS,
        "trigger", "too_many_requests", "result", "recovered", "policy", "exponential"), text);
    assertEquals(8, scrape.sum("currents_api_retry_chain_attempts_sum", "client", CLIENT), text);

    // The fixed delay's three retries ignored Retry-After; the backoff's three complied.
    assertEquals(3, scrape.sum("currents_api_backoff_violations_total", "client", CLIENT,
        "reason", "retry_after_ignored"), text);
    assertEquals(3, scrape.sum("currents_api_backoff_violations_total"), "no other violation: " + text);
    assertEquals(3, scrape.sum("currents_api_backoff_delay_seconds_count", "client", CLIENT, "compliant", "false"),
        text);
    assertEquals(3, scrape.sum("currents_api_backoff_delay_seconds_count", "client", CLIENT, "compliant", "true"),
        text);
    assertEquals(3, scrape.sum("currents_api_retry_after_seconds_count", "client", CLIENT), text);
  }

  @Test
  void theServiceIsNamedByItsQuarkusApplicationName() throws Exception {
    // The fast-jar's launcher holds no application.properties: the name is the one Quarkus wrote in its manifest.
    assertEquals("ci-dashboard",
        service.scrape().samples("currents_agent_errors_total").get(0).labels().get("service_name"));
  }

  /** Exactly one attempt with this method, route, status and category, through the Vert.x client. */
  private static void assertAttempt(
      PrometheusScrape scrape, String method, String endpoint, String status, String category) {
    assertEquals(1, scrape.requests("client", CLIENT, "method", method, "endpoint", endpoint, "status", status,
        "error_category", category), method + " " + endpoint + " " + status + ": " + scrape.text());
  }
}
