package dev.currents.agent.metrics;

import dev.currents.agent.bootstrap.AgentErrors;
import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.config.MetricsExporter;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingRegistryConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The meter registries the configured exporters need, joined into one the recorders write to. */
public final class MeterRegistries {

  private final CompositeMeterRegistry registry;
  private final List<String> destinations;

  private MeterRegistries(CompositeMeterRegistry registry, List<String> destinations) {
    this.registry = registry;
    this.destinations = destinations;
  }

  public static MeterRegistries start(AgentConfig config, String agentVersion) {
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.config().commonTags("service.name", config.serviceName());
    AgentLog.debug("service.name " + config.serviceName() + ", from " + config.serviceNameSource());
    List<String> destinations = new ArrayList<>();
    for (MetricsExporter exporter : config.metricsExporters()) {
      switch (exporter) {
        case PROMETHEUS:
          startPrometheus(config, composite, destinations);
          break;
        case LOGGING:
          composite.add(new LoggingMeterRegistry(LoggingRegistryConfig.DEFAULT, Clock.SYSTEM, AgentLog::info));
          destinations.add("logging");
          break;
        case OTLP:
          OtlpMetrics otlp = OtlpMetrics.start(config.otlpEndpoint(), config.serviceName(), agentVersion);
          composite.add(otlp.registry());
          destinations.add(otlp.destination());
          break;
      }
    }
    // The state object must be non-null and strongly held, or the composite registry drops the meter.
    FunctionCounter.builder("currents.agent.errors", AgentErrors.class, ignored -> AgentErrors.count())
        .description("Faults inside the agent, caught before they reached the application")
        .register(composite);
    return new MeterRegistries(composite, destinations);
  }

  private static void startPrometheus(
      AgentConfig config, CompositeMeterRegistry composite, List<String> destinations) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    composite.add(prometheus);
    try {
      PrometheusEndpoint endpoint =
          PrometheusEndpoint.start(prometheus, config.prometheusHost(), config.prometheusPort());
      destinations.add("prometheus http://" + config.prometheusHost() + ':' + endpoint.port() + "/metrics");
      // The JVM's exit waits up to ~300 ms for the server's thread, blocked in native code, unless it stops.
      Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close, "currents-agent-prometheus-stop"));
    } catch (IOException | RuntimeException e) {
      AgentLog.warn(
          "cannot serve Prometheus metrics on "
              + config.prometheusHost()
              + ':'
              + config.prometheusPort()
              + " ("
              + e
              + "); set currents.agent.prometheus.port to a free port");
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Where metrics go, for the start-up line. */
  public String destinations() {
    return destinations.isEmpty() ? "none" : String.join(", ", destinations);
  }
}
