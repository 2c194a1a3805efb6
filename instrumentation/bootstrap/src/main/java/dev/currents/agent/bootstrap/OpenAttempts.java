package dev.currents.agent.bootstrap;

import java.util.concurrent.CancellationException;

/**
 * The attempts of one client library that are open: started, not yet ended. Each is attached to the library's own
 * object for it (its request, exchange or callback), so that whichever hook sees the end (a response, a failure,
 * a cancellation, perhaps on another thread) finds the attempt, and ends it once. Attaching keeps no object alive.
 *
 * <p>Every client keeps its open attempts here; a hook that runs for every request of the application, to any
 * host, pays one emptiness check ({@link #isEmpty()}) while none is open.
 */
public final class OpenAttempts<K> {

  private final WeakIdentityMap<K, Attempt> open = new WeakIdentityMap<>();
  private final CancellationException cancelled;

  /** For a client whose requests the application cannot cancel. */
  public OpenAttempts() {
    this("cancelled");
  }

  /**
   * @param cancellation how the client's cancellation reads ({@code "OkHttp Call.cancel()"}): the message of what an
   *     attempt the application cancelled is recorded with, a category, never thrown
   */
  public OpenAttempts(String cancellation) {
    this.cancelled = new CancellationException(cancellation);
  }

  /** Whether no attempt is open: the check every request of the application pays. */
  public boolean isEmpty() {
    return open.isEmpty();
  }

  /** Attaches a started attempt to {@code key}; a null attempt (the agent records nothing) is ignored. */
  public void open(K key, Attempt attempt) {
    if (attempt != null) {
      open.put(key, attempt);
    }
  }

  /**
   * The attempt attached to {@code key}, left attached; null when there is none. One that ended without being
   * detached (a connection keeps its one attempt, to start no other) is found too, {@link Attempt#isFinished()}.
   */
  public Attempt get(K key) {
    return open.isEmpty() ? null : open.get(key);
  }

  /** The attempt attached to {@code key}, no longer open; null when there is none. */
  public Attempt detach(K key) {
    return key == null || open.isEmpty() ? null : open.remove(key);
  }

  /** Ends the attempt attached to {@code key}, if any, with {@code response}, whose headers {@code headers} reads. */
  public <S> void answer(K key, int status, S response, HeaderGetter<? super S> headers) {
    CurrentsRequests.end(detach(key), status, response, headers);
  }

  /** Ends the attempt attached to {@code key}, if any, without a response. */
  public void fail(K key, Throwable failure) {
    Attempt attempt = detach(key);
    if (attempt != null) {
      CurrentsRequests.fail(attempt, failure);
    }
  }

  /** Ends the attempt attached to {@code key}, if any, as cancelled by the application. */
  public void cancel(K key) {
    fail(key, cancelled);
  }

  /** What an attempt the application cancelled is recorded with, for one that was never attached. */
  public CancellationException cancellation() {
    return cancelled;
  }
}
