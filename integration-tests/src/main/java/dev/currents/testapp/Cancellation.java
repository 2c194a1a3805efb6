package dev.currents.testapp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How adapters honour {@code cancelAfterMs}: the application gives up on a slow call and cancels it. */
public final class Cancellation {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "cancellation-timer");
            thread.setDaemon(true);
            return thread;
          });

  private Cancellation() {}

  /** A cancellation scheduled for a synchronous call; closing it once the call returned calls it off. */
  public interface Pending extends AutoCloseable {
    @Override
    void close();
  }

  /** Runs {@code cancel} from another thread after the call's delay; nothing when the call has none. */
  public static Pending after(Call call, Runnable cancel) {
    if (call.cancelAfter == null) {
      return () -> {};
    }
    ScheduledFuture<?> scheduled = TIMER.schedule(cancel, call.cancelAfter.toMillis(), TimeUnit.MILLISECONDS);
    return () -> scheduled.cancel(false);
  }

  /** Waits for an asynchronous call's outcome, and runs {@code cancel} when it is not there after the call's delay. */
  public static <T> T await(CompletableFuture<T> outcome, Call call, Runnable cancel) throws Exception {
    if (call.cancelAfter != null) {
      try {
        return outcome.get(call.cancelAfter.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        cancel.run();
      }
    }
    return outcome.get();
  }

  /**
   * As {@link #await}, for a reactive call: cancelling it disposes of its subscription, after which the subscription
   * hears nothing more, so the call ends there.
   */
  public static <T> T awaitSubscription(CompletableFuture<T> outcome, Call call, Runnable dispose) throws Exception {
    return await(
        outcome,
        call,
        () -> {
          dispose.run();
          outcome.completeExceptionally(new CancellationException("disposed"));
        });
  }
}
