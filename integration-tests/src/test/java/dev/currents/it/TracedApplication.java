package dev.currents.it;

import dev.currents.testapp.ClientDriver;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * The test application inside a span of its own: it opens a span {@code checkout}, prints
 * {@code TRACE <traceId> <spanId>}, and runs {@link ClientDriver} in it, so that every call the driver makes
 * happens while that span is current. Its argument says whose OpenTelemetry makes the span:
 *
 * <ul>
 *   <li>{@code sdk}: the application's own SDK, configured here, exporting nowhere;
 *   <li>{@code global}: {@link GlobalOpenTelemetry}, which the OpenTelemetry javaagent provides and exports.
 * </ul>
 */
public final class TracedApplication {

  private TracedApplication() {}

  public static void main(String[] args) throws Exception {
    Tracer tracer = args[0].equals("sdk") ? ownSdk() : GlobalOpenTelemetry.getTracer("testapp");
    Span checkout = tracer.spanBuilder("checkout").startSpan();
    try (Scope ignored = checkout.makeCurrent()) {
      System.out.println("TRACE " + checkout.getSpanContext().getTraceId() + " " + checkout.getSpanContext().getSpanId());
      ClientDriver.main(new String[0]);
    } finally {
      checkout.end();
    }
  }

  private static Tracer ownSdk() {
    SpanExporter nowhere =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(nowhere)).build().get("testapp");
  }
}
