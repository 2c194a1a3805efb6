package dev.currents.agent.config;

import java.util.Locale;

/**
 * Every configuration key of the agent (SPEC section 2) with its default, the one place that lists them.
 *
 * <p>Three defaults depend on the environment and are completed by the loader: {@link #SERVICE_NAME} is
 * OpenTelemetry's setting, then the application's own name, before the default below ({@link ServiceNames}),
 * {@link #OTLP_ENDPOINT} is
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} before the default below, and {@link #TRACES_EXPORTER} is {@code otlp}
 * instead of the default below when an OTLP endpoint is set explicitly.
 */
public enum ConfigKey {
  ENABLED("currents.agent.enabled", "true"),
  /** No default: without it there is no file. */
  CONFIG_FILE("currents.agent.config.file", null),
  HOSTS("currents.agent.hosts", "api.currents.dev,api-staging.currents.dev,cy.currents.dev"),
  SERVICE_NAME("currents.agent.service.name", "unknown_service:java"),
  METRICS_EXPORTER("currents.agent.metrics.exporter", "prometheus"),
  PROMETHEUS_HOST("currents.agent.prometheus.host", "0.0.0.0"),
  PROMETHEUS_PORT("currents.agent.prometheus.port", "9464"),
  TRACES_EXPORTER("currents.agent.traces.exporter", "none"),
  OTLP_ENDPOINT("currents.agent.otlp.endpoint", "http://localhost:4318"),
  TRACES_PROPAGATE("currents.agent.traces.propagate", "false"),
  BACKOFF_WINDOW("currents.agent.backoff.window", "120s"),
  BACKOFF_MIN_DELAY("currents.agent.backoff.min-delay", "100ms"),
  BACKOFF_MAX_OPEN_CHAINS("currents.agent.backoff.max-open-chains", "10000"),
  LOG_LEVEL("currents.agent.log.level", "info");

  private final String key;
  private final String envName;
  private final String defaultValue;

  ConfigKey(String key, String defaultValue) {
    this.key = key;
    this.envName = envName(key);
    this.defaultValue = defaultValue;
  }

  /** The system property and properties-file name, e.g. {@code currents.agent.prometheus.port}. */
  public String key() {
    return key;
  }

  /** The environment variable name, e.g. {@code CURRENTS_AGENT_PROMETHEUS_PORT}. */
  public String envName() {
    return envName;
  }

  /** The default as text, in the form a user would write it; {@code null} for {@link #CONFIG_FILE}. */
  public String defaultValue() {
    return defaultValue;
  }

  /**
   * The environment form of any dotted key: upper case, {@code .} and {@code -} as {@code _}. The form Spring
   * Boot, Quarkus and Micronaut read as well ({@code spring.application.name}: {@code SPRING_APPLICATION_NAME}).
   */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The key named {@code key} exactly, or {@code null}. */
  static ConfigKey forKey(String key) {
    for (ConfigKey candidate : values()) {
      if (candidate.key.equals(key)) {
        return candidate;
      }
    }
    return null;
  }
}
