package dev.currents.agent.bootstrap;

/**
 * What the agent core does with attempts. The bootstrap side only gathers facts; the implementation lives in
 * the agent's own class loader, out of the application's sight.
 */
public interface AttemptRecorder {

  /** Called when an attempt starts, on the thread that starts it. */
  void started(Attempt attempt);

  /**
   * Called once when the attempt ends.
   *
   * @param status the HTTP status, or -1 when there was no response
   * @param retryAfter the raw {@code Retry-After} header of the response, or null
   * @param failure what the client raised when there was no response, else null
   */
  void finished(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure);

  /**
   * The application's span current on this thread, as a parent for attempts that a client starts later on a
   * thread of its own (an event loop, a redirect sent from the client's threads); opaque to instrumentations,
   * which hand it back to {@link CurrentsRequests#start(String, String, java.net.URI, String, String, Object)}.
   * Null when the recorder makes no spans or no span is current.
   */
  default Object currentParent() {
    return null;
  }

  AttemptRecorder NONE =
      new AttemptRecorder() {
        @Override
        public void started(Attempt attempt) {}

        @Override
        public void finished(
            Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {}
      };
}
