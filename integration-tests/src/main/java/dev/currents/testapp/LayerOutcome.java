package dev.currents.testapp;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.ToIntFunction;

/**
 * What a call through a layered client (RestTemplate, Feign, a JAX-RS client) came to, as the driver reports it.
 * Such layers throw their own exceptions: one that carries the status of an error response (RestTemplate's
 * {@code HttpClientErrorException} on a 4xx), and one that wraps the I/O failure of the client underneath
 * ({@code ResourceAccessException} around a {@code ConnectException}). The first is reported as that status, the
 * second as the failure it wraps, so that every client's answers read alike.
 */
public final class LayerOutcome {

  private LayerOutcome() {}

  /**
   * The status that {@code thrown} carries, when {@code statusOf} finds one (a positive number); otherwise
   * rethrows the exception that {@code wrapper} wraps, or {@code thrown} itself.
   */
  public static int statusOrRethrow(
      Throwable thrown, ToIntFunction<Throwable> statusOf, Class<? extends Throwable> wrapper) throws Exception {
    Throwable t = thrown;
    if ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    int status = statusOf.applyAsInt(t);
    if (status > 0) {
      return status;
    }
    throw unwrapped(t, wrapper);
  }

  /** What to rethrow for {@code thrown}: the exception that {@code wrapper} wraps, or {@code thrown} itself. */
  public static Exception unwrapped(Throwable thrown, Class<? extends Throwable> wrapper) {
    Throwable t = thrown;
    if ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (wrapper.isInstance(t) && t.getCause() instanceof Exception) {
      t = t.getCause();
    }
    if (t instanceof Exception) {
      return (Exception) t;
    }
    throw (Error) t;
  }
}
