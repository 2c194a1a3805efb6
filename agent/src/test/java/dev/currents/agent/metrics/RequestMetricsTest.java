package dev.currents.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.currents.agent.common.ErrorCategory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RequestMetrics metrics = new RequestMetrics(registry);

  @Test
  void everyAttemptIsOneSampleWithTheSpecTags() {
    metrics.record("GET", "/v1/runs/{runId}", 429, ErrorCategory.TOO_MANY_REQUESTS, "okhttp", "API.currents.dev", true,
        TimeUnit.MILLISECONDS.toNanos(40));
    Timer timer = registry.get("currents.api.requests").timer();
    assertEquals(1, timer.count());
    assertEquals(40, timer.totalTime(TimeUnit.MILLISECONDS), 0.001);
    assertEquals(
        List.of(
            Tag.of("client", "okhttp"),
            Tag.of("endpoint", "/v1/runs/{runId}"),
            Tag.of("error.category", "too_many_requests"),
            Tag.of("method", "GET"),
            Tag.of("outcome", "CLIENT_ERROR"),
            Tag.of("resend", "true"),
            Tag.of("server.address", "api.currents.dev"),
            Tag.of("status", "429")),
        timer.getId().getTags());
  }

  @Test
  void noResponseIsStatusNoneAndOutcomeUnknown() {
    metrics.record("POST", "/runs", -1, ErrorCategory.TIMEOUT, "java-http-client", "cy.currents.dev", false, 1);
    Meter.Id id = registry.get("currents.api.requests").timer().getId();
    assertEquals("NONE", id.getTag("status"));
    assertEquals("UNKNOWN", id.getTag("outcome"));
    assertEquals("timeout", id.getTag("error.category"));
  }

  @Test
  void theSameTagsShareOneTimerAndOtherTagsGetTheirOwn() {
    for (int i = 0; i < 3; i++) {
      metrics.record("GET", "/v1/projects", 200, ErrorCategory.OK, "okhttp", "api.currents.dev", false, 1);
    }
    metrics.record("GET", "/v1/projects", 200, ErrorCategory.OK, "okhttp", "api.currents.dev", true, 1);
    assertEquals(2, registry.find("currents.api.requests").timers().size());
    assertEquals(3, registry.get("currents.api.requests").tag("resend", "false").timer().count());
  }

  @Test
  void theHistogramHasTheDocumentedBuckets() {
    metrics.record("GET", "/v1/projects", 200, ErrorCategory.OK, "okhttp", "api.currents.dev", false, 1);
    Timer timer = registry.get("currents.api.requests").timer();
    assertEquals(12, timer.takeSnapshot().histogramCounts().length);
  }
}
