package dev.currents.agent.testing;

import java.time.Duration;

/** How {@link TestServer} answers a path: a status, perhaps a {@code Retry-After}, perhaps after a wait. */
public final class Answer {

  private final int status;
  private final String retryAfter;
  private final Duration delay;

  private Answer(int status, String retryAfter, Duration delay) {
    this.status = status;
    this.retryAfter = retryAfter;
    this.delay = delay;
  }

  public static Answer status(int status) {
    return new Answer(status, null, Duration.ZERO);
  }

  /** The same answer with a {@code Retry-After} header of exactly {@code value}. */
  public Answer retryAfter(String value) {
    return new Answer(status, value, delay);
  }

  /** The same answer, sent only {@code wait} after the request arrived: for read timeouts. */
  public Answer after(Duration wait) {
    return new Answer(status, retryAfter, wait);
  }

  int status() {
    return status;
  }

  String retryAfter() {
    return retryAfter;
  }

  void waitBeforeAnswering() {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
