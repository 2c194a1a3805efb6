package dev.currents.agent.config;

import dev.currents.agent.bootstrap.AgentLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's configuration (SPEC section 2), loaded once at start: immutable and typed.
 *
 * <p>Each key is looked up as a system property, then as an environment variable, then in the properties file
 * named by {@code currents.agent.config.file}, then its default applies ({@link ConfigKey}). A malformed value
 * is reported by one warning on stderr and replaced by the default; loading never throws. Loading does not
 * apply {@link #logLevel()} to {@link AgentLog}: that is the caller's to do.
 */
public final class AgentConfig {

  private final boolean enabled;
  private final Path configFile;
  private final String hosts;
  private final ServiceName serviceName;
  private final Set<MetricsExporter> metricsExporters;
  private final String prometheusHost;
  private final int prometheusPort;
  private final Set<TracesExporter> tracesExporters;
  private final URI otlpEndpoint;
  private final boolean tracesPropagate;
  private final Duration backoffWindow;
  private final Duration backoffMinDelay;
  private final int backoffMaxOpenChains;
  private final AgentLog.Level logLevel;
  private final Set<String> disabledInstrumentations;

  AgentConfig(boolean enabled, Path configFile, String hosts, ServiceName serviceName,
      Set<MetricsExporter> metricsExporters, String prometheusHost, int prometheusPort,
      Set<TracesExporter> tracesExporters, URI otlpEndpoint, boolean tracesPropagate, Duration backoffWindow,
      Duration backoffMinDelay, int backoffMaxOpenChains, AgentLog.Level logLevel,
      Set<String> disabledInstrumentations) {
    this.enabled = enabled;
    this.configFile = configFile;
    this.hosts = hosts;
    this.serviceName = serviceName;
    this.metricsExporters = metricsExporters;
    this.prometheusHost = prometheusHost;
    this.prometheusPort = prometheusPort;
    this.tracesExporters = tracesExporters;
    this.otlpEndpoint = otlpEndpoint;
    this.tracesPropagate = tracesPropagate;
    this.backoffWindow = backoffWindow;
    this.backoffMinDelay = backoffMinDelay;
    this.backoffMaxOpenChains = backoffMaxOpenChains;
    this.logLevel = logLevel;
    this.disabledInstrumentations = disabledInstrumentations;
  }

  /**
   * Loads from this JVM's system properties and environment.
   *
   * @param instrumentations the names of the instrumentations the agent has, each with its key {@code
   *     currents.agent.instrumentation.<name>.enabled}
   */
  public static AgentConfig fromSystem(List<String> instrumentations) {
    Map<String, String> systemProperties = new HashMap<>();
    Map<String, String> environment = Collections.emptyMap();
    try {
      Properties properties = System.getProperties();
      for (String name : properties.stringPropertyNames()) {
        systemProperties.put(name, properties.getProperty(name));
      }
      environment = System.getenv();
    } catch (SecurityException e) {
      AgentLog.warn("cannot read system properties or environment (" + e.getMessage() + "); using what was read");
    }
    return load(systemProperties, environment, instrumentations);
  }

  /**
   * Loads from the given sources (each may be {@code null} for none). Never throws: should loading itself
   * fail, which would be a bug, the failure is logged and every key takes its default.
   */
  public static AgentConfig load(Map<String, String> systemProperties, Map<String, String> environment) {
    return load(systemProperties, environment, List.of());
  }

  /** As {@link #load(Map, Map)}, knowing the names of the agent's instrumentations. */
  public static AgentConfig load(
      Map<String, String> systemProperties, Map<String, String> environment, List<String> instrumentations) {
    try {
      return new ConfigLoader(systemProperties, environment, instrumentations).load();
    } catch (RuntimeException e) {
      AgentLog.warn("cannot load the configuration (" + e + "); using the defaults");
      return new ConfigLoader(Collections.emptyMap(), Collections.emptyMap(), instrumentations).load();
    }
  }

  /** {@code currents.agent.enabled}: {@code false} means the agent installs nothing. */
  public boolean enabled() {
    return enabled;
  }

  /** {@code currents.agent.config.file}: the file named, whether or not it could be read. */
  public Optional<Path> configFile() {
    return Optional.ofNullable(configFile);
  }

  /** {@code currents.agent.hosts}: the comma list as given, trimmed; parsing it is the host matcher's job. */
  public String hosts() {
    return hosts;
  }

  /**
   * {@code service.name}: {@code currents.agent.service.name}, else OpenTelemetry's setting, else the
   * application's own name, else its main jar's, else {@code unknown_service:java} ({@link ServiceNames}). The
   * first call may read the application's configuration files (bounded, a few milliseconds): make it off
   * {@code premain}, as the agent's start thread does.
   */
  public String serviceName() {
    return serviceName.get();
  }

  /** Where {@link #serviceName()} came from, for the debug log: {@code system property spring.application.name}. */
  public String serviceNameSource() {
    serviceName.get();
    return serviceName.source;
  }

  /** A service name known at loading, or detected from files once, when first asked for. */
  static final class ServiceName {
    private ServiceNames detector;
    private volatile String name;
    private String source;

    private ServiceName(String name, String source, ServiceNames detector) {
      this.name = name;
      this.source = source;
      this.detector = detector;
    }

    static ServiceName known(String name, String source) {
      return new ServiceName(name, source, null);
    }

    static ServiceName detected(ServiceNames detector) {
      return new ServiceName(null, null, detector);
    }

    String get() {
      String known = name;
      if (known != null) {
        return known;
      }
      synchronized (this) {
        if (name == null) {
          String detected;
          try {
            detected = detector.detect();
            source = detector.source();
          } catch (RuntimeException e) {
            // A bug in reading files must not cost the application its agent: the default applies.
            AgentLog.warn("service.name: cannot detect the application's name (" + e + "); using "
                + ServiceNames.UNKNOWN);
            detected = ServiceNames.UNKNOWN;
            source = "the default";
          }
          detector = null;
          name = detected;
        }
        return name;
      }
    }
  }

  /** {@code currents.agent.metrics.exporter}; empty for {@code none}. Unmodifiable. */
  public Set<MetricsExporter> metricsExporters() {
    return metricsExporters;
  }

  /** {@code currents.agent.prometheus.host}: the scrape endpoint's bind address, not validated here. */
  public String prometheusHost() {
    return prometheusHost;
  }

  /** {@code currents.agent.prometheus.port}: 0 to 65535; 0 means a free port. */
  public int prometheusPort() {
    return prometheusPort;
  }

  /**
   * {@code currents.agent.traces.exporter}; empty for {@code none}. Unmodifiable. By default {@code otlp} when
   * {@code currents.agent.otlp.endpoint} or {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set (even if malformed:
   * the user asked for OTLP), else none.
   */
  public Set<TracesExporter> tracesExporters() {
    return tracesExporters;
  }

  /**
   * {@code currents.agent.otlp.endpoint}, else {@code OTEL_EXPORTER_OTLP_ENDPOINT}, else
   * {@code http://localhost:4318}: an http or https URL with a host, as given. It may carry user info:
   * remove it before printing the URL.
   */
  public URI otlpEndpoint() {
    return otlpEndpoint;
  }

  /** {@code currents.agent.traces.propagate}: inject {@code traceparent} into requests to Currents. */
  public boolean tracesPropagate() {
    return tracesPropagate;
  }

  /** {@code currents.agent.backoff.window}: greater than zero. */
  public Duration backoffWindow() {
    return backoffWindow;
  }

  /** {@code currents.agent.backoff.min-delay}: zero or more; zero means no retry is ever {@code no_backoff}. */
  public Duration backoffMinDelay() {
    return backoffMinDelay;
  }

  /** {@code currents.agent.backoff.max-open-chains}: at least 1. */
  public int backoffMaxOpenChains() {
    return backoffMaxOpenChains;
  }

  /** Whether {@code currents.agent.instrumentation.<name>.enabled} leaves that instrumentation on (the default). */
  public boolean instrumentationEnabled(String name) {
    return !disabledInstrumentations.contains(name);
  }

  /** {@code currents.agent.log.level}. */
  public AgentLog.Level logLevel() {
    return logLevel;
  }
}
