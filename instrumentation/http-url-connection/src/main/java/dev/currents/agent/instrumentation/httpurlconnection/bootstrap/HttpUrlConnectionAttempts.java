package dev.currents.agent.instrumentation.httpurlconnection.bootstrap;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.OpenAttempts;
import java.net.HttpURLConnection;
import sun.net.www.MessageHeader;

/**
 * The attempt of each connection, from its first call to its end.
 *
 * <p>{@code getInputStream} calls itself: the JDK reads the status through {@code getResponseCode}, which
 * calls {@code getInputStream} again, and so do the response getters the application calls later. So the
 * attempt ends only when the outermost call on the connection returns, and after its end the connection keeps
 * it, ended, so that every later call records nothing.
 */
public final class HttpUrlConnectionAttempts {

  public static final String CLIENT = "http-url-connection";

  private static final HeaderGetter<MessageHeader> REQUEST_HEADERS = MessageHeader::findValue;
  private static final HeaderGetter<HttpURLConnection> RESPONSE_HEADERS = HttpURLConnection::getHeaderField;
  /** Each connection's one attempt, kept after it ended: a connection makes one request in its life. */
  private static final OpenAttempts<HttpURLConnection> ATTEMPTS = new OpenAttempts<>();
  /**
   * The connection whose outermost {@code getInputStream} this thread is in. It is synchronized on the connection,
   * so the calls it makes of itself are on this thread.
   */
  private static final ThreadLocal<HttpURLConnection> RESPONDING = new ThreadLocal<>();

  private HttpUrlConnectionAttempts() {}

  /**
   * The connection's open attempt, started now if it has none; null once it has ended.
   *
   * @param requestHeaders the headers the application set, where the credential is: the connection's public getter
   *     hides {@code Authorization}
   */
  public static Attempt startOrGet(HttpURLConnection connection, MessageHeader requestHeaders) {
    Attempt attempt = ATTEMPTS.get(connection);
    if (attempt == null) {
      attempt =
          CurrentsRequests.start(
              CLIENT, connection.getRequestMethod(), connection.getURL(), requestHeaders, REQUEST_HEADERS);
      // Not yet connected: the connection still takes request headers.
      CurrentsRequests.propagate(attempt, connection);
      ATTEMPTS.open(connection, attempt);
    }
    return attempt == null || attempt.isFinished() ? null : attempt;
  }

  /**
   * Entering {@code getInputStream}: the attempt its outermost call ends ({@link #exitResponse}), or null when the
   * agent records nothing or this call is inside another of the same connection.
   */
  public static Attempt enterResponse(HttpURLConnection connection, MessageHeader requestHeaders) {
    if (RESPONDING.get() == connection) {
      return null;
    }
    Attempt attempt = startOrGet(connection, requestHeaders);
    if (attempt != null) {
      RESPONDING.set(connection);
    }
    return attempt;
  }

  /**
   * Leaving the outermost {@code getInputStream}: the attempt ends, with the response or the failure. Reading a
   * header of the response calls {@code getInputStream} again, which must find itself inside this call.
   */
  public static void exitResponse(HttpURLConnection connection, Attempt attempt, int responseCode, Throwable thrown) {
    try {
      if (responseCode > 0) {
        CurrentsRequests.end(attempt, responseCode, connection, RESPONSE_HEADERS);
      } else {
        CurrentsRequests.fail(attempt, thrown);
      }
    } finally {
      RESPONDING.remove();
    }
  }

  /**
   * A failure after the connection's first {@code plainConnect} returned, inside the HTTPS {@code connect} (the
   * TLS handshake): ends the open attempt, which no {@code getInputStream} may follow.
   */
  public static void failOpen(HttpURLConnection connection, Throwable thrown) {
    CurrentsRequests.fail(ATTEMPTS.get(connection), thrown);
  }
}
