package dev.currents.agent.testing;

import dev.currents.agent.bootstrap.Attempt;

/** One {@link dev.currents.agent.bootstrap.AttemptRecorder#finished} call, as {@link RecordingRecorder} got it. */
public final class RecordedEnd {

  private final Attempt attempt;
  private final long endNanos;
  private final int status;
  private final String retryAfter;
  private final Throwable failure;

  RecordedEnd(Attempt attempt, long endNanos, int status, String retryAfter, Throwable failure) {
    this.attempt = attempt;
    this.endNanos = endNanos;
    this.status = status;
    this.retryAfter = retryAfter;
    this.failure = failure;
  }

  public Attempt attempt() {
    return attempt;
  }

  public long endNanos() {
    return endNanos;
  }

  /** The HTTP status, -1 without a response. */
  public int status() {
    return status;
  }

  /** The raw {@code Retry-After} header, or null. */
  public String retryAfter() {
    return retryAfter;
  }

  /** What the client raised when there was no response, else null. */
  public Throwable failure() {
    return failure;
  }

  /** {@code GET /v1/projects 429 2}: method, path, status and {@code Retry-After}. */
  @Override
  public String toString() {
    return attempt.method() + " " + attempt.path() + " " + status + " " + retryAfter;
  }
}
