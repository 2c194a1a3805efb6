package dev.currents.agent.otel;

import dev.currents.agent.bootstrap.AgentThread;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends what the exporters still hold when the JVM exits, waiting at most {@link #MAX_WAIT_MILLIS} for all of
 * them together: a collector that is down must not hold up the application's exit.
 */
public final class ShutdownFlush {

  static final long MAX_WAIT_MILLIS = 1000;

  private static final List<Supplier<CompletableResultCode>> SHUTDOWNS = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new AgentThread(ShutdownFlush::run, "currents-agent-shutdown"));
  }

  private ShutdownFlush() {}

  /** {@code shutdown} runs at exit; it flushes and returns a result the hook waits for. */
  public static void register(Supplier<CompletableResultCode> shutdown) {
    SHUTDOWNS.add(shutdown);
  }

  /**
   * Shutting an SDK down can itself block (a metric reader's last collection waits for its export), so it runs
   * on a daemon thread of its own that the hook waits for, up to the limit.
   */
  private static void run() {
    Thread flush = new AgentThread(ShutdownFlush::flush, "currents-agent-flush");
    flush.start();
    try {
      flush.join(MAX_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void flush() {
    List<CompletableResultCode> results = new ArrayList<>();
    for (Supplier<CompletableResultCode> shutdown : SHUTDOWNS) {
      results.add(shutdown.get());
    }
    CompletableResultCode.ofAll(results).join(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }
}
