package dev.currents.agent.tracing;

import dev.currents.agent.bootstrap.AgentLog;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Locale;

/**
 * {@code currents.agent.traces.exporter=logging}: one line per span on the agent's log. The span holds nothing
 * secret (no header, no body; {@code url.full} is redacted), so the line does not either.
 */
final class LoggingSpanExporter implements SpanExporter {

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    for (SpanData span : spans) {
      AgentLog.info(line(span));
    }
    return CompletableResultCode.ofSuccess();
  }

  static String line(SpanData span) {
    StringBuilder line =
        new StringBuilder("span ")
            .append(span.getName())
            .append(' ')
            .append(String.format(Locale.ROOT, "%.1fms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
            .append(" trace=")
            .append(span.getTraceId())
            .append(" span=")
            .append(span.getSpanId())
            .append(" parent=")
            .append(span.getParentSpanContext().isValid() ? span.getParentSpanId() : "none");
    if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
      line.append(" ERROR \"").append(span.getStatus().getDescription()).append('"');
    }
    line.append(' ').append(span.getAttributes().asMap());
    for (EventData event : span.getEvents()) {
      line.append(" event=").append(event.getName());
    }
    return line.toString();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
