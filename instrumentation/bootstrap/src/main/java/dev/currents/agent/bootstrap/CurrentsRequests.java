package dev.currents.agent.bootstrap;

import dev.currents.agent.common.CredentialFingerprint;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.common.HttpMethods;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one door between advice woven into HTTP clients and the agent core. Advice hands over facts: method, URI or
 * its parts, status, exception, and the library's own request and response objects with the {@link HeaderGetter}
 * that reads them, so that which headers count is decided here ({@link CurrentsHeaders}), not in each client.
 *
 * <p>Until the agent installs its recorder, no host is a Currents host and nothing is recorded.
 */
public final class CurrentsRequests {

  private static volatile HostFilter hosts = HostFilter.parse("");
  private static volatile AttemptRecorder recorder = AttemptRecorder.NONE;
  private static final Map<String, ResponseReader<Object>> READERS = new ConcurrentHashMap<>();
  private static final Map<String, HeaderInjector<Object>> INJECTORS = new ConcurrentHashMap<>();

  private CurrentsRequests() {}

  public static void install(HostFilter currentsHosts, AttemptRecorder attemptRecorder) {
    recorder = attemptRecorder;
    hosts = currentsHosts;
  }

  /**
   * The responses of {@code client}, which registered its reader because neither its advice nor the bootstrap
   * loader can name their type (the JDK's {@code java.net.http}); null when it registered none.
   */
  public static ResponseReader<Object> registeredResponses(String client) {
    return READERS.get(client);
  }

  /** How {@link #registeredResponses} reads the responses of {@code client}. */
  @SuppressWarnings("unchecked")
  public static void registerResponseReader(String client, ResponseReader<?> reader) {
    READERS.put(client, (ResponseReader<Object>) reader);
  }

  /**
   * The headers of the requests of {@code client}, which registered its injector because its advice cannot name one
   * (the JDK's {@code java.net.http}); null when it registered none.
   */
  public static HeaderGetter<Object> registeredHeaders(String client) {
    return INJECTORS.get(client);
  }

  /** How {@link #propagate(Attempt, Object)} adds a header to the requests of {@code client}. */
  @SuppressWarnings("unchecked")
  public static void registerHeaderInjector(String client, HeaderInjector<?> injector) {
    INJECTORS.put(client, (HeaderInjector<Object>) injector);
  }

  /** The check every request of the application pays: no allocation, a few comparisons. */
  public static boolean isCurrents(URI uri) {
    return uri != null && hosts.matches(uri.getHost(), uri.getPort(), isHttps(uri.getScheme()));
  }

  public static boolean isCurrents(URL url) {
    return url != null && hosts.matches(url.getHost(), url.getPort(), isHttps(url.getProtocol()));
  }

  /** For clients with URL types of their own (OkHttp's {@code HttpUrl}), which would allocate to become a URI. */
  public static boolean isCurrents(String scheme, String host, int port) {
    return hosts.matches(host, port, isHttps(scheme));
  }

  /**
   * Starts an attempt. Advice calls it only after {@link #isCurrents(URI)} said yes, so that requests to other
   * hosts never pay for gathering the arguments. Returns null if the agent itself fails, and for the agent's
   * own requests ({@link AgentThread}).
   *
   * @param request what {@code headers} reads the request's headers from; only the credential's fingerprint is kept
   * @param parent the application's span for an attempt that the client starts on a thread other than the one that
   *     made the request, which {@link #currentParent()} gave on that thread; null: the span a {@link ParentHandover}
   *     running on this thread carries, else the span current on this thread
   */
  public static <R> Attempt start(
      String client, String method, URI uri, R request, HeaderGetter<? super R> headers, Object parent) {
    return start(
        client,
        method,
        uri.getScheme(),
        uri.getHost(),
        uri.getPort(),
        uri.getRawPath(),
        uri.getRawQuery(),
        request,
        headers,
        parent);
  }

  /**
   * The application's span current on this thread, else the one a {@link ParentHandover} gave it, to keep with a
   * request to a Currents host whose attempts the client starts on threads of its own, and to hand to {@link
   * #start}; opaque. Null when the agent makes no spans, no span is current, or the agent fails. Call it only for Currents hosts: it reads the application's context,
   * which the check of other hosts never pays for.
   */
  public static Object currentParent() {
    try {
      Object current = recorder.currentParent();
      return current != null ? current : ParentHandover.onThisThread();
    } catch (Throwable t) {
      AgentErrors.report("reading the application's current span", t);
      return null;
    }
  }

  /** As {@link #start(String, String, URI, Object, HeaderGetter, Object)}, for clients that speak {@link URL}. */
  public static <R> Attempt start(
      String client, String method, URL url, R request, HeaderGetter<? super R> headers) {
    return start(
        client, method, url.getProtocol(), url.getHost(), url.getPort(), url.getPath(), url.getQuery(), request, headers,
        null);
  }

  /**
   * As {@link #start(String, String, URI, Object, HeaderGetter, Object)}, for clients that keep the target host
   * apart from the request's path (Apache HttpClient's route and relative request line): no URI is built.
   *
   * @param rawPath the raw (percent-encoded) path, or null
   * @param rawQuery the raw query, or null
   */
  public static <R> Attempt start(
      String client,
      String method,
      String scheme,
      String host,
      int port,
      String rawPath,
      String rawQuery,
      R request,
      HeaderGetter<? super R> headers,
      Object parent) {
    String credential;
    try {
      credential = CurrentsHeaders.credential(request, headers);
    } catch (Throwable t) {
      AgentErrors.report("reading the headers of a request", t);
      return null;
    }
    return begin(
        client,
        method,
        scheme,
        host,
        port,
        rawPath,
        rawQuery,
        credential,
        parent);
  }

  private static Attempt begin(
      String client,
      String method,
      String scheme,
      String host,
      int port,
      String path,
      String query,
      String credential,
      Object parent) {
    if (AgentThread.isCurrent()) {
      return null;
    }
    long startNanos = System.nanoTime();
    try {
      Attempt attempt =
          new Attempt(
              client,
              HttpMethods.normalize(method),
              scheme,
              host,
              port,
              path == null ? "" : path,
              query,
              CredentialFingerprint.of(credential),
              startNanos,
              parent != null ? parent : ParentHandover.onThisThread());
      recorder.started(attempt);
      return attempt;
    } catch (Throwable t) {
      AgentErrors.report("start of a request", t);
      return null;
    }
  }

  /**
   * The request to send for {@code attempt}, for a client that registered its injector with {@link
   * #registerHeaderInjector} because its advice cannot name one (the JDK's clients); see {@link
   * CurrentsHeaders#propagate}.
   */
  public static Object propagate(Attempt attempt, Object request) {
    return attempt == null ? request : CurrentsHeaders.propagate(attempt, request, INJECTORS.get(attempt.client()));
  }

  /** The attempt got {@code response}; a later call for the same attempt is ignored. */
  public static <S> void end(Attempt attempt, int status, S response, HeaderGetter<? super S> headers) {
    if (attempt == null) {
      return;
    }
    String retryAfter = null;
    try {
      retryAfter = CurrentsHeaders.retryAfter(response, headers);
    } catch (Throwable t) {
      AgentErrors.report("reading the headers of a response", t);
    }
    finish(attempt, status, retryAfter, null);
  }

  /** The attempt ended without a response; a later call for the same attempt is ignored. */
  public static void fail(Attempt attempt, Throwable failure) {
    finish(attempt, -1, null, failure);
  }

  private static void finish(Attempt attempt, int status, String retryAfter, Throwable failure) {
    if (attempt == null || !attempt.markFinished()) {
      return;
    }
    long endNanos = System.nanoTime();
    try {
      recorder.finished(attempt, endNanos, status, retryAfter, failure);
    } catch (Throwable t) {
      AgentErrors.report("recording of a request", t);
    }
  }

  private static boolean isHttps(String scheme) {
    return "https".equalsIgnoreCase(scheme);
  }
}
