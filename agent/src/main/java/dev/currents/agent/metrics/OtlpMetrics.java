package dev.currents.agent.metrics;

import dev.currents.agent.otel.AgentResource;
import dev.currents.agent.otel.DeferredSenders;
import dev.currents.agent.otel.ExportExecutor;
import dev.currents.agent.otel.OtlpEndpoint;
import dev.currents.agent.otel.SdkLogging;
import dev.currents.agent.otel.ShutdownFlush;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.instrumentation.micrometer.v1_5.OpenTelemetryMeterRegistry;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code currents.agent.metrics.exporter=otlp}: the agent's Micrometer meters, fed through OpenTelemetry's
 * Micrometer bridge to an SDK meter provider that pushes them over OTLP/HTTP every {@link #INTERVAL}, and once
 * more when the JVM exits. Timers keep their histogram buckets; times are in seconds.
 */
final class OtlpMetrics {

  static final Duration INTERVAL = Duration.ofSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final OtlpEndpoint endpoint;

  private OtlpMetrics(MeterRegistry registry, OtlpEndpoint endpoint) {
    this.registry = registry;
    this.endpoint = endpoint;
  }

  static OtlpMetrics start(URI otlpBase, String serviceName, String agentVersion) {
    SdkLogging.silence();
    OtlpEndpoint endpoint = OtlpEndpoint.of(otlpBase, "metrics");
    OtlpHttpMetricExporterBuilder exporter =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(endpoint.url())
            .setTimeout(TIMEOUT)
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setExecutorService(new ExportExecutor("metrics"))
            .setComponentLoader(DeferredSenders.INSTANCE);
    endpoint.headers().forEach(exporter::addHeader);
    SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .setResource(AgentResource.of(serviceName, agentVersion))
            .registerMetricReader(
                PeriodicMetricReader.builder(new ReportingMetricExporter(exporter.build())).setInterval(INTERVAL).build())
            .build();
    ShutdownFlush.register(meters::shutdown);
    return new OtlpMetrics(
        OpenTelemetryMeterRegistry.builder(new MetersOnly(meters)).setBaseTimeUnit(TimeUnit.SECONDS).build(),
        endpoint);
  }

  /** The registry to add to the agent's composite one. */
  MeterRegistry registry() {
    return registry;
  }

  /** Where it sends, for the start-up line. */
  String destination() {
    return "otlp " + endpoint;
  }

  /** What the bridge asks of an OpenTelemetry instance: meters; it never traces or propagates. */
  private static final class MetersOnly implements OpenTelemetry {
    private final MeterProvider meters;

    MetersOnly(MeterProvider meters) {
      this.meters = meters;
    }

    @Override
    public MeterProvider getMeterProvider() {
      return meters;
    }

    @Override
    public TracerProvider getTracerProvider() {
      return TracerProvider.noop();
    }

    @Override
    public ContextPropagators getPropagators() {
      return ContextPropagators.noop();
    }
  }
}
