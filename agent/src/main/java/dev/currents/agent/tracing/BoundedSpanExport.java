package dev.currents.agent.tracing;

import dev.currents.agent.otel.ExportFailure;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One span exporter behind a {@link BatchSpanProcessor}, bounded and counted. Ending a span only puts it in a
 * queue of at most {@link #CAPACITY} spans; a worker thread sends them in batches. When the exporter cannot keep
 * up (a collector that is down or slow), spans beyond the capacity are dropped: the application never waits and
 * the agent's memory does not grow. What happens to spans shows on the agent's own meters:
 * {@code currents.agent.spans} by {@code exporter} and {@code result} ({@code exported}, {@code failed},
 * {@code dropped}) and {@code currents.agent.spans.queued}.
 *
 * <p>The capacity is enforced here rather than by the batch processor, which drops without telling: the spans
 * counted as queued are those handed to the processor and not yet to the exporter, which are never more than the
 * processor's queue holds, so the processor itself never drops.
 */
final class BoundedSpanExport implements SpanProcessor {

  static final int CAPACITY = 2048;
  static final Duration SCHEDULE_DELAY = Duration.ofSeconds(1);
  /** Longer than the OTLP exporter's own timeout, which ends every export well before. */
  static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(15);

  private final String name;
  private final SpanProcessor batches;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /** @param name the exporter's name in meters and messages: {@code otlp}, {@code logging} */
  BoundedSpanExport(String name, SpanExporter exporter, MeterRegistry registry) {
    this.name = name;
    this.batches =
        BatchSpanProcessor.builder(new CountingExporter(exporter))
            .setMaxQueueSize(CAPACITY)
            .setScheduleDelay(SCHEDULE_DELAY)
            .setExporterTimeout(EXPORT_TIMEOUT)
            .build();
    register(registry);
  }

  private void register(MeterRegistry registry) {
    counter(registry, "exported", exported);
    counter(registry, "failed", failed);
    counter(registry, "dropped", dropped);
    Gauge.builder("currents.agent.spans.queued", queued, AtomicInteger::get)
        .description("Spans waiting to be exported")
        .tag("exporter", name)
        .register(registry);
  }

  private void counter(MeterRegistry registry, String result, AtomicLong count) {
    FunctionCounter.builder("currents.agent.spans", count, AtomicLong::get)
        .description("The agent's spans, by what became of them")
        .tag("exporter", name)
        .tag("result", result)
        .register(registry);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    if (!span.getSpanContext().isSampled()) {
      return; // the batch processor ignores it too
    }
    if (queued.incrementAndGet() > CAPACITY) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    batches.onEnd(span);
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  @Override
  public CompletableResultCode shutdown() {
    return batches.shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return batches.forceFlush();
  }

  /** Takes spans off the queued count as the batch processor hands them over, and counts how each batch fares. */
  private final class CountingExporter implements SpanExporter {
    private final SpanExporter delegate;

    CountingExporter(SpanExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      int count = spans.size();
      queued.addAndGet(-count);
      CompletableResultCode result = delegate.export(spans);
      result.whenComplete(
          () -> {
            if (result.isSuccess()) {
              exported.addAndGet(count);
            } else {
              failed.addAndGet(count);
              ExportFailure.warnOnce(
                  "spans (" + name + ")",
                  result.getFailureThrowable(),
                  "spans are dropped while this lasts, counted in currents_agent_spans_total{result=\"failed\"}");
            }
          });
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }
}
