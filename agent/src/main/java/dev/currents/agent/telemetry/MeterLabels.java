package dev.currents.agent.telemetry;

import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The labels every backoff meter shares, fixed when an attempt starts: its client, method and route template,
 * with their Micrometer tags built once. Instances are interned per (client, method, endpoint) by
 * {@link #of}, so an attempt allocates none: all three values come from bounded sets (the instrumentations'
 * client names, normalized methods, the route table's templates).
 */
public final class MeterLabels {

  private final String client;
  private final String method;
  private final String endpoint;
  private final Tags tags;

  private MeterLabels(String client, String method, String endpoint) {
    this.client = client;
    this.method = method;
    this.endpoint = endpoint;
    this.tags = Tags.of("method", method, "endpoint", endpoint, "client", client);
  }

  /** Interned labels of one client; a map per client keeps every lookup on the attempt's own strings. */
  public static final class Interned {

    private final ConcurrentHashMap<String, ConcurrentHashMap<String, ConcurrentHashMap<String, MeterLabels>>>
        byClient = new ConcurrentHashMap<>();

    /** The labels of (client, method, endpoint): the same instance every time, built on first use only. */
    public MeterLabels of(String client, String method, String endpoint) {
      ConcurrentHashMap<String, ConcurrentHashMap<String, MeterLabels>> byMethod = byClient.get(client);
      if (byMethod == null) {
        byMethod = byClient.computeIfAbsent(client, c -> new ConcurrentHashMap<>());
      }
      ConcurrentHashMap<String, MeterLabels> byEndpoint = byMethod.get(method);
      if (byEndpoint == null) {
        byEndpoint = byMethod.computeIfAbsent(method, m -> new ConcurrentHashMap<>());
      }
      MeterLabels labels = byEndpoint.get(endpoint);
      if (labels == null) {
        labels = byEndpoint.computeIfAbsent(endpoint, e -> new MeterLabels(client, method, e));
      }
      return labels;
    }
  }

  public String client() {
    return client;
  }

  public String method() {
    return method;
  }

  public String endpoint() {
    return endpoint;
  }

  /** {@code method}, {@code endpoint} and {@code client}: the tags every backoff meter starts with. */
  public Tags tags() {
    return tags;
  }
}
