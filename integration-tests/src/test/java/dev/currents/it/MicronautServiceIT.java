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
 * A real Micronaut 4 service (integration-tests/micronaut-service) run as Micronaut services ship, {@code java -jar}
 * on the shaded jar micronaut-maven-plugin packages, with the agent attached: it calls Currents over HTTPS through a
 * declarative {@code @Client} interface, which sends on Micronaut's {@code DefaultHttpClient}, and retries a
 * throttled listing with Micronaut's {@code @Retryable}. Each attempt must be counted once, as
 * {@code micronaut-http-client}, on its route, with its category; the retries get their verdict; the service is
 * named by its {@code micronaut.application.name}.
 */
class MicronautServiceIT {

  private static final Path SERVICE = Paths.get(System.getProperty("it.micronaut.service",
      "micronaut-service/target/currents-micronaut-service-0.1.0-SNAPSHOT.jar"));
  private static final String CLIENT = "micronaut-http-client";
  private static final String PROJECTS = "/v1/projects";
  private static final String RUN = "/v1/runs/{runId}";
  private static final String CANCEL = "/v1/runs/{runId}/cancel";
  private static final String A_RUN = "0123456789abcdef0123456789abcdef";
  private static final String THROTTLED_KEY = TestApi.MORE_RW_KEYS[0];

  private TestApi api;
  private AppJvm service;

  @BeforeEach
  void startService() throws Exception {
    api = TestApi.start();
    api.api.rateLimit(THROTTLED_KEY, RateLimit.pattern(0, 3).throttle(Throttle.RETRY_AFTER_SECONDS, 2));
    service = api.app(Jdks.current()).mainJar(SERVICE)
        .property("micronaut.http.services.currents.url", api.api.httpsBaseUrl())
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
  void retryableBacksOffExponentiallyButIgnoresRetryAfter() throws Exception {
    // @Retryable(delay = 200 ms, multiplier = 2): 200, 400, 800 ms, each short of the API's Retry-After: 2.
    assertEquals("STATUS 200", service.request("projects-retried " + THROTTLED_KEY));

    PrometheusScrape scrape = service.scrape();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (scrape.sum("currents_api_retry_chains_total") < 1 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = service.scrape();
    }
    String text = scrape.text();
    assertEquals(4, api.api.received().size(), text);
    assertEquals(4, scrape.requests("client", CLIENT, "method", "GET", "endpoint", PROJECTS), text);
    assertEquals(3, scrape.requests("client", CLIENT, "status", "429", "error_category", "too_many_requests"), text);
    assertEquals(1, scrape.requests("client", CLIENT, "status", "200", "error_category", "ok", "resend", "true"),
        text);
    assertEquals(3, scrape.requests("client", CLIENT, "resend", "true"), text);

    assertEquals(1, scrape.sum("currents_api_retry_chains_total"), text);
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", "client", CLIENT, "method", "GET",
        "endpoint", PROJECTS, "trigger", "too_many_requests", "result", "recovered", "policy", "exponential"), text);
    assertEquals(4, scrape.sum("currents_api_retry_chain_attempts_sum", "client", CLIENT), text);

    // Every retry came back before Retry-After: 2; the waits grew, so no other rule was broken.
    assertEquals(3, scrape.sum("currents_api_backoff_violations_total", "client", CLIENT, "endpoint", PROJECTS,
        "trigger", "too_many_requests", "reason", "retry_after_ignored"), text);
    assertEquals(3, scrape.sum("currents_api_backoff_violations_total"), "no other violation: " + text);
    assertEquals(3, scrape.sum("currents_api_backoff_delay_seconds_count", "client", CLIENT, "compliant", "false"),
        text);
    assertEquals(0, scrape.sum("currents_api_backoff_delay_seconds_count", "compliant", "true"), text);
    for (String attempt : new String[] {"1", "2", "3"}) {
      assertEquals(1, scrape.sum("currents_api_backoff_delay_seconds_count", "client", CLIENT,
          "trigger", "too_many_requests", "attempt", attempt), "retry " + attempt + ": " + text);
    }
    assertEquals(3, scrape.sum("currents_api_retry_after_seconds_count", "client", CLIENT, "status", "429"), text);
  }

  @Test
  void theServiceIsNamedByItsMicronautApplicationName() throws Exception {
    // The shaded jar holds the application's application.properties at its root, where the agent reads it.
    assertEquals("run-reporter",
        service.scrape().samples("currents_agent_errors_total").get(0).labels().get("service_name"));
  }

  /** Exactly one attempt with this method, route, status and category, through the Micronaut client. */
  private static void assertAttempt(
      PrometheusScrape scrape, String method, String endpoint, String status, String category) {
    assertEquals(1, scrape.requests("client", CLIENT, "method", method, "endpoint", endpoint, "status", status,
        "error_category", category), method + " " + endpoint + " " + status + ": " + scrape.text());
  }
}
