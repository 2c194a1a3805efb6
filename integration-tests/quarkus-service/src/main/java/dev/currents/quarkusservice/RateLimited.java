package dev.currents.quarkusservice;

/** Currents answered 429: the one failure the service's retries are for. */
public final class RateLimited extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RateLimited() {
    super("429 Too Many Requests", null, false, false);
  }
}
