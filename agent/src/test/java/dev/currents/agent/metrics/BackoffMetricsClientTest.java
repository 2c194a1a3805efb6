package dev.currents.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.common.backoff.BackoffSettings;
import dev.currents.agent.common.backoff.RetryChains;
import dev.currents.agent.telemetry.MeterLabels;
import dev.currents.agent.telemetry.TelemetryRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every backoff meter carries the {@code client} tag (issue #17), and a chain whose attempts go through two
 * clients is attributed as the README says: the retry (its delay, its violations) to the client that retried,
 * the chain to the client of the attempt that opened it, the advice to the client that received it.
 */
class BackoffMetricsClientTest {

  private static final URI PROJECTS = URI.create("https://api.currents.dev/v1/projects");
  private static final Map<String, String> KEY = Map.of("Authorization", "Bearer k-1");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void install() {
    BackoffMetrics backoff = new BackoffMetrics(registry);
    RetryChains<MeterLabels> chains = new RetryChains<>(BackoffSettings.defaults(), backoff);
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new TelemetryRecorder(RouteTemplates.currents(), new RequestMetrics(registry), backoff, chains, null));
  }

  @AfterEach
  void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Test
  void aChainThroughOneClientIsThatClientsOnEveryMeter() {
    CurrentsRequests.end(CurrentsRequests.start("okhttp", "GET", PROJECTS, KEY, Map::get, null), 429, Map.of("Retry-After", "2"), Map::get);
    CurrentsRequests.end(CurrentsRequests.start("okhttp", "GET", PROJECTS, KEY, Map::get, null), 200, null, null);

    assertEquals(1, registry.get("currents.api.retry_after").tag("client", "okhttp").timer().count());
    assertEquals(1, registry.get("currents.api.backoff.delay").tag("client", "okhttp").timer().count());
    assertEquals(1, registry.get("currents.api.backoff.violations").tag("client", "okhttp")
        .tag("reason", "retry_after_ignored").counter().count());
    assertEquals(1, registry.get("currents.api.retry.chains").tag("client", "okhttp").counter().count());
    assertEquals(1, registry.get("currents.api.retry.chain.attempts").tag("client", "okhttp").summary().count());
    assertEquals(1, registry.get("currents.api.retry.chain.duration").tag("client", "okhttp").timer().count());
    assertEquals("/v1/projects",
        registry.get("currents.api.retry.chains").counter().getId().getTag("endpoint"));
    assertEquals("GET", registry.get("currents.api.backoff.delay").timer().getId().getTag("method"));
  }

  @Test
  void aRetryThroughAnotherClientIsTheRetryingClientsAndTheChainTheOpenersOwn() {
    // An application's retry (through Apache HttpClient 5 here) of a call that first went out through OkHttp.
    CurrentsRequests.end(CurrentsRequests.start("okhttp", "GET", PROJECTS, KEY, Map::get, null), 429, Map.of("Retry-After", "2"), Map::get);
    CurrentsRequests.end(CurrentsRequests.start("apache-httpclient-5", "GET", PROJECTS, KEY, Map::get, null), 200, null, null);

    assertEquals(1, registry.get("currents.api.retry_after").tag("client", "okhttp").timer().count());
    assertEquals(1, registry.get("currents.api.backoff.delay").tag("client", "apache-httpclient-5").timer().count());
    assertEquals(1, registry.get("currents.api.backoff.violations").tag("client", "apache-httpclient-5")
        .counter().count());
    assertEquals(1, registry.get("currents.api.retry.chains").tag("client", "okhttp").counter().count());
    assertEquals(1, registry.get("currents.api.retry.chain.attempts").tag("client", "okhttp").summary().count());
    assertEquals(1, registry.find("currents.api.retry.chains").counters().size());
    assertEquals(1, registry.find("currents.api.backoff.delay").timers().size());
  }
}
