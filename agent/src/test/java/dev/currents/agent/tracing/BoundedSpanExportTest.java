package dev.currents.agent.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A collector that never answers: the agent keeps a bounded number of spans and counts what it drops. */
class BoundedSpanExportTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CapturingExporter hanging = new CapturingExporter();

  @Test
  void spansBeyondTheCapacityAreDroppedAndCounted() throws Exception {
    hanging.answer = new CompletableResultCode(); // never completes
    BoundedSpanExport export = new BoundedSpanExport("otlp", hanging, registry);
    Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(export).build().get("test");
    int ended = BoundedSpanExport.CAPACITY * 2;
    for (int i = 0; i < ended; i++) {
      tracer.spanBuilder("span").startSpan().end();
    }
    // The worker takes at most one batch off the queue, then waits for the collector.
    Thread.sleep(200);

    double queued = registry.get("currents.agent.spans.queued").gauge().value();
    double dropped = count("dropped");
    assertTrue(queued <= BoundedSpanExport.CAPACITY, "queued " + queued);
    assertTrue(dropped >= ended - BoundedSpanExport.CAPACITY - 512, "dropped " + dropped);
    assertEquals(ended, queued + dropped + hanging.spans.size(), "every span is queued, dropped or being exported");
    assertEquals(0, count("exported") + count("failed"));
  }

  @Test
  void exportedAndFailedBatchesAreCounted() {
    BoundedSpanExport export = new BoundedSpanExport("logging", hanging, registry);
    Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(export).build().get("test");
    tracer.spanBuilder("one").startSpan().end();
    export.forceFlush().join(5, TimeUnit.SECONDS);
    hanging.answer = CompletableResultCode.ofFailure();
    tracer.spanBuilder("two").startSpan().end();
    tracer.spanBuilder("three").startSpan().end();
    // The batch processor may complete a flush requested while it finishes the one before, without the spans
    // ended since: flush again until they are through, within a deadline.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    do {
      export.forceFlush().join(5, TimeUnit.SECONDS);
    } while (count("exported") + count("failed") < 3 && System.nanoTime() < deadline);

    assertEquals(1, count("exported"));
    assertEquals(2, count("failed"));
    assertEquals(0, registry.get("currents.agent.spans.queued").gauge().value());
  }

  @Test
  void unsampledSpansAreNotQueued() {
    BoundedSpanExport export = new BoundedSpanExport("otlp", hanging, registry);
    SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).addSpanProcessor(export).build()
        .get("test").spanBuilder("unsampled").startSpan().end();
    assertEquals(0, registry.get("currents.agent.spans.queued").gauge().value());
  }

  private double count(String result) {
    return registry.get("currents.agent.spans").tag("result", result).functionCounter().count();
  }
}
