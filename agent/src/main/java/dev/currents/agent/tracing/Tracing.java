package dev.currents.agent.tracing;

import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.config.TracesExporter;
import dev.currents.agent.otel.AgentResource;
import dev.currents.agent.otel.DeferredSenders;
import dev.currents.agent.otel.ExportExecutor;
import dev.currents.agent.otel.OtlpEndpoint;
import dev.currents.agent.otel.SdkLogging;
import dev.currents.agent.otel.ShutdownFlush;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's tracing, as configured: an OpenTelemetry SDK of its own (relocated, apart from any the
 * application has) with one bounded export per configured exporter. Without an exporter but with propagation on,
 * spans are still made, for their ids, and go nowhere.
 */
public final class Tracing {

  static final Duration OTLP_TIMEOUT = Duration.ofSeconds(10);
  static final Duration OTLP_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final String SCOPE = "dev.currents.agent";

  private final AttemptSpans spans;
  private final String destinations;

  private Tracing(AttemptSpans spans, String destinations) {
    this.spans = spans;
    this.destinations = destinations;
  }

  public static Tracing start(AgentConfig config, String agentVersion, MeterRegistry registry) {
    if (config.tracesExporters().isEmpty() && !config.tracesPropagate()) {
      return new Tracing(null, "none");
    }
    SdkLogging.silence();
    SdkTracerProviderBuilder provider =
        SdkTracerProvider.builder()
            .setResource(AgentResource.of(config.serviceName(), agentVersion))
            // The application's sampling decision stands: its unsampled traces get no Currents spans either.
            .setSampler(Sampler.parentBased(Sampler.alwaysOn()));
    List<String> destinations = new ArrayList<>();
    for (TracesExporter exporter : config.tracesExporters()) {
      switch (exporter) {
        case OTLP:
          OtlpEndpoint endpoint = OtlpEndpoint.of(config.otlpEndpoint(), "traces");
          provider.addSpanProcessor(new BoundedSpanExport("otlp", otlp(endpoint), registry));
          destinations.add("otlp " + endpoint);
          break;
        case LOGGING:
          provider.addSpanProcessor(new BoundedSpanExport("logging", new LoggingSpanExporter(), registry));
          destinations.add("logging");
          break;
      }
    }
    if (destinations.isEmpty()) {
      // A provider without a processor makes no-op spans, whose ids are all zeros: propagation needs real ones.
      provider.addSpanProcessor(IdsOnly.INSTANCE);
    }
    SdkTracerProvider tracerProvider = provider.build();
    ShutdownFlush.register(tracerProvider::shutdown);
    AttemptSpans spans =
        new AttemptSpans(
            tracerProvider.get(SCOPE, String.valueOf(agentVersion)), new ApplicationSpans(), config.tracesPropagate());
    return new Tracing(spans, destinations.isEmpty() ? "none" : String.join(", ", destinations));
  }

  private static SpanExporter otlp(OtlpEndpoint endpoint) {
    OtlpHttpSpanExporterBuilder exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(endpoint.url())
            .setTimeout(OTLP_TIMEOUT)
            .setConnectTimeout(OTLP_CONNECT_TIMEOUT)
            .setExecutorService(new ExportExecutor("traces"))
            .setComponentLoader(DeferredSenders.INSTANCE);
    endpoint.headers().forEach(exporter::addHeader);
    return exporter.build();
  }

  /** Takes no part in a span's life: it is only there so that the SDK makes spans with ids. */
  private enum IdsOnly implements SpanProcessor {
    INSTANCE;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }

  /** Null when the agent makes no spans: no exporter and no propagation. */
  public AttemptSpans spans() {
    return spans;
  }

  /** Where spans go, for the start-up line: {@code otlp http://host:4318/v1/traces, logging}, or {@code none}. */
  public String destinations() {
    return destinations;
  }
}
