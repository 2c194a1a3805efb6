package dev.currents.agent.telemetry;

/** The labels every backoff meter shares, fixed when an attempt starts: its method and route template. */
public final class MeterLabels {

  private final String method;
  private final String endpoint;

  public MeterLabels(String method, String endpoint) {
    this.method = method;
    this.endpoint = endpoint;
  }

  public String method() {
    return method;
  }

  public String endpoint() {
    return endpoint;
  }
}
