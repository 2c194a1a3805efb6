package dev.currents.agent.bootstrap;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One HTTP attempt to a Currents host, from the moment the client starts it until its response or failure.
 * Instrumentations create it through {@link CurrentsRequests#start}; only requests to Currents hosts get one.
 * It never holds a credential or a body: the credential is reduced to a fingerprint at creation.
 */
public final class Attempt {

  private static final AtomicIntegerFieldUpdater<Attempt> FINISHED =
      AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "finished");

  private final String client;
  private final String method;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String query;
  private final long credentialFingerprint;
  private final long startNanos;
  /** See {@link #parent()}. */
  private final Object parent;
  private volatile int finished;
  /** Whatever the recorder keeps between start and end (a span, say); opaque to instrumentations. */
  private volatile Object recorderState;
  /** Set by the recorder and read by the instrumentation on the thread that starts the attempt. */
  private String traceparent;

  Attempt(
      String client,
      String method,
      String scheme,
      String host,
      int port,
      String path,
      String query,
      long credentialFingerprint,
      long startNanos,
      Object parent) {
    this.client = client;
    this.method = method;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
    this.credentialFingerprint = credentialFingerprint;
    this.startNanos = startNanos;
    this.parent = parent;
  }

  public String client() {
    return client;
  }

  /** The request method, normalized to a known constant or {@code _OTHER}. */
  public String method() {
    return method;
  }

  public String scheme() {
    return scheme;
  }

  public String host() {
    return host;
  }

  /** The port as the URL gave it; -1 when the scheme's default applies. */
  public int port() {
    return port;
  }

  /** The port the connection really used: the URL's port or the scheme's default. */
  public int effectivePort() {
    if (port >= 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** The raw (still percent-encoded) path, never null. */
  public String path() {
    return path;
  }

  /** The raw query, or null. */
  public String query() {
    return query;
  }

  /** A one-way fingerprint of the request's credential header, 0 when it had none. */
  public long credentialFingerprint() {
    return credentialFingerprint;
  }

  public long startNanos() {
    return startNanos;
  }

  /**
   * The parent the instrumentation captured with {@link CurrentsRequests#currentParent()} on the thread that made
   * the request, for an attempt started on another thread; null: the parent is whatever span is current on the
   * thread that starts the attempt.
   */
  public Object parent() {
    return parent;
  }

  public Object recorderState() {
    return recorderState;
  }

  public void recorderState(Object state) {
    this.recorderState = state;
  }

  /**
   * The W3C {@code traceparent} the request should carry (the attempt's span as parent), or null: propagation
   * is off ({@code currents.agent.traces.propagate}) or the agent made no span. Read it right after
   * {@link CurrentsRequests#start}, on the same thread.
   */
  public String traceparent() {
    return traceparent;
  }

  public void traceparent(String value) {
    this.traceparent = value;
  }

  /** True for the first caller only, so that an attempt is recorded once however its client reports the end. */
  boolean markFinished() {
    return FINISHED.compareAndSet(this, 0, 1);
  }

  public boolean isFinished() {
    return finished != 0;
  }
}
