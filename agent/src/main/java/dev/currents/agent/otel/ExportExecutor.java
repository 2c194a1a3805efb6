package dev.currents.agent.otel;

import dev.currents.agent.bootstrap.AgentThread;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the OTLP exporters send their requests: one {@link AgentThread}, so that the agent never records its own
 * exports, and a queue of one, so that a collector that hangs holds two requests of each signal at most; an
 * export that finds both taken fails at once (the exporter counts it) instead of waiting in memory. The one
 * place in the queue is not for a hanging collector but for the moment between two exports: with no queue at
 * all, an export handed over while the thread is between its last task and waiting for the next was refused.
 * Each task runs with the OpenTelemetry javaagent's instrumentation suppressed, should one be attached.
 */
public final class ExportExecutor extends AbstractExecutorService {

  private final ThreadPoolExecutor threads;

  public ExportExecutor(String signal) {
    this.threads =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1),
            task -> new AgentThread(task, "currents-agent-otlp-" + signal));
    threads.allowCoreThreadTimeOut(true);
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
