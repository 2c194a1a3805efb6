package dev.currents.agent.metrics;

import dev.currents.agent.common.ErrorCategory;
import dev.currents.agent.common.Outcome;
import dev.currents.agent.common.StatusTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code currents.api.requests}: one timer sample per HTTP attempt. Timers are registered once per tag
 * combination and then found in a lock-free map, so recording builds no tags and no meter id.
 */
public final class RequestMetrics {

  static final String NAME = "currents.api.requests";

  /** Bucket bounds for the latency histogram: the range of an API call, from a cache hit to a slow upload. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
  };

  private final MeterRegistry registry;
  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(
      String method,
      String endpoint,
      int status,
      ErrorCategory category,
      String client,
      String serverAddress,
      boolean resend,
      long durationNanos) {
    Key key = new Key(method, endpoint, status, category, client, serverAddress, resend);
    Timer timer = timers.get(key);
    if (timer == null) {
      timer = timers.computeIfAbsent(key, this::register);
    }
    timer.record(durationNanos, TimeUnit.NANOSECONDS);
  }

  private Timer register(Key key) {
    return Timer.builder(NAME)
        .description("HTTP attempts to the Currents API, by route and error category")
        .tag("method", key.method)
        .tag("endpoint", key.endpoint)
        .tag("status", StatusTags.of(key.status))
        .tag("error.category", key.category.tagValue())
        .tag("outcome", Outcome.ofStatus(key.status).tagValue())
        .tag("client", key.client)
        .tag("server.address", key.serverAddress.toLowerCase(Locale.ROOT))
        .tag("resend", Boolean.toString(key.resend))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  private static final class Key {
    final String method;
    final String endpoint;
    final int status;
    final ErrorCategory category;
    final String client;
    final String serverAddress;
    final boolean resend;
    private final int hash;

    Key(
        String method,
        String endpoint,
        int status,
        ErrorCategory category,
        String client,
        String serverAddress,
        boolean resend) {
      this.method = method;
      this.endpoint = endpoint;
      this.status = status;
      this.category = category;
      this.client = client;
      this.serverAddress = serverAddress;
      this.resend = resend;
      int h = method.hashCode();
      h = 31 * h + endpoint.hashCode();
      h = 31 * h + status;
      h = 31 * h + category.hashCode();
      h = 31 * h + client.hashCode();
      h = 31 * h + serverAddress.hashCode();
      this.hash = 31 * h + (resend ? 1 : 0);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key)) {
        return false;
      }
      Key k = (Key) o;
      return status == k.status
          && resend == k.resend
          && category == k.category
          && method.equals(k.method)
          && endpoint.equals(k.endpoint)
          && client.equals(k.client)
          && serverAddress.equals(k.serverAddress);
    }
  }
}
