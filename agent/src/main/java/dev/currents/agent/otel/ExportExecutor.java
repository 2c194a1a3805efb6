package dev.currents.agent.otel;

import dev.currents.agent.bootstrap.AgentThread;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the OTLP exporters send their requests: one {@link AgentThread}, so that the agent never records its own
 * exports, and no queue, so that a collector that hangs holds one request of each signal at most; an export
 * that finds the thread busy fails at once (the exporter counts it) instead of waiting in memory. Each task runs
 * with the OpenTelemetry javaagent's instrumentation suppressed, should one be attached.
 */
public final class ExportExecutor extends AbstractExecutorService {

  private final ThreadPoolExecutor threads;

  public ExportExecutor(String signal) {
    this.threads =
        new ThreadPoolExecutor(
            0,
            1,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> new AgentThread(task, "currents-agent-otlp-" + signal));
  }

  @Override
  public void execute(Runnable task) {
    threads.execute(OpenTelemetryJavaagent.withoutItsInstrumentation(task));
  }

  @Override
  public void shutdown() {
    threads.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return threads.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return threads.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return threads.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return threads.awaitTermination(timeout, unit);
  }
}
