package dev.currents.agent.metrics;

import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.common.StatusTags;
import dev.currents.agent.common.backoff.BackoffListener;
import dev.currents.agent.common.backoff.ChainSummary;
import dev.currents.agent.common.backoff.Retry;
import dev.currents.agent.common.backoff.Violation;
import dev.currents.agent.telemetry.MeterLabels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The backoff meters of SPEC section 4. They are written only on the retry path (a response with {@code
 * Retry-After}, a retry, the end of a chain), which is rare next to requests, so meters are looked up through
 * Micrometer's builders rather than a cache of their own.
 */
public final class BackoffMetrics implements BackoffListener<MeterLabels> {

  /** From a retry that did not wait at all to one that waited the whole default window. */
  private static final Duration[] DELAY_BUCKETS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120),
  };

  private final MeterRegistry registry;

  public BackoffMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A response carried a parseable {@code Retry-After}: what the server advised. */
  public void retryAfter(MeterLabels labels, int status, long delayMillis) {
    Timer.builder("currents.api.retry_after")
        .description("The wait the Currents API advised with Retry-After")
        .tags(route(labels))
        .tag("status", StatusTags.of(status))
        .register(registry)
        .record(delayMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void retry(MeterLabels labels, Retry retry) {
    Timer.builder("currents.api.backoff.delay")
        .description("How long the client waited before retrying a failed attempt")
        .tags(route(labels))
        .tag("trigger", retry.trigger().tagValue())
        .tag("attempt", retry.attemptTag())
        .tag("compliant", Boolean.toString(retry.compliant()))
        .serviceLevelObjectives(DELAY_BUCKETS)
        .register(registry)
        .record(retry.delayNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public void violation(MeterLabels labels, ErrorCategory trigger, Violation reason) {
    Counter.builder("currents.api.backoff.violations")
        .description("Retries that broke the backoff rules: ignored Retry-After, no backoff, waits not growing")
        .tags(route(labels))
        .tag("trigger", trigger.tagValue())
        .tag("reason", reason.tagValue())
        .register(registry)
        .increment();
  }

  @Override
  public void chainFinished(MeterLabels labels, ChainSummary summary) {
    String trigger = summary.trigger().tagValue();
    String result = summary.result().tagValue();
    DistributionSummary.builder("currents.api.retry.chain.attempts")
        .description("Attempts in a finished retry chain, the first failed one included")
        .tags(route(labels))
        .tag("trigger", trigger)
        .tag("result", result)
        .register(registry)
        .record(summary.attempts());
    Timer.builder("currents.api.retry.chain.duration")
        .description("A finished retry chain, from its first attempt's start to its last attempt's end")
        .tags(route(labels))
        .tag("trigger", trigger)
        .tag("result", result)
        .register(registry)
        .record(summary.durationNanos(), TimeUnit.NANOSECONDS);
    // Counted last: whoever sees the chain counted (a scrape, an alert) also sees its attempts and duration.
    Counter.builder("currents.api.retry.chains")
        .description("Finished retry chains, by how they ended and what the waits looked like")
        .tags(route(labels))
        .tag("trigger", trigger)
        .tag("result", result)
        .tag("policy", summary.policy().tagValue())
        .register(registry)
        .increment();
  }

  /**
   * The tags every backoff meter starts with: method, endpoint and client. A retry's delay and violations carry
   * the client of the retrying attempt (the one that chose the wait); a chain, the client of the attempt that
   * opened it (README, Backoff).
   */
  private static Tags route(MeterLabels labels) {
    return labels.tags();
  }
}
