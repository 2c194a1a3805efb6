package dev.currents.agent.instrumentation.httpurlconnection.bootstrap;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.bootstrap.HeaderGetter;
import dev.currents.agent.bootstrap.WeakIdentityMap;
import java.net.HttpURLConnection;
import sun.net.www.MessageHeader;

/**
 * The attempt of each connection, from its first call to its end.
 *
 * <p>{@code getInputStream} calls itself: the JDK reads the status through {@code getResponseCode}, which
 * calls {@code getInputStream} again, and so do the response getters the application calls later. So the
 * attempt ends only when the outermost call returns, and after the end the connection keeps a marker that
 * makes every later call record nothing.
 */
public final class HttpUrlConnectionAttempts {

  public static final String CLIENT = "http-url-connection";

  private static final ConnectionAttempt ENDED = new ConnectionAttempt(null);
  private static final HeaderGetter<MessageHeader> REQUEST_HEADERS = MessageHeader::findValue;
  private static final HeaderGetter<HttpURLConnection> RESPONSE_HEADERS = HttpURLConnection::getHeaderField;
  private static final WeakIdentityMap<HttpURLConnection, ConnectionAttempt> ATTEMPTS =
      new WeakIdentityMap<>();

  private HttpUrlConnectionAttempts() {}

  /**
   * The connection's open attempt, started now if it has none; null once it has ended.
   *
   * @param requestHeaders the headers the application set, where the credential is: the connection's public getter
   *     hides {@code Authorization}
   */
  public static Attempt startOrGet(HttpURLConnection connection, MessageHeader requestHeaders) {
    ConnectionAttempt state = stateOf(connection, requestHeaders);
    return state == null ? null : state.attempt;
  }

  /** Entering {@code getInputStream}: the state to hand to {@link #exitResponse}, or null. */
  public static ConnectionAttempt enterResponse(HttpURLConnection connection, MessageHeader requestHeaders) {
    ConnectionAttempt state = stateOf(connection, requestHeaders);
    if (state != null) {
      state.depth++;
    }
    return state;
  }

  /** Leaving {@code getInputStream}: the outermost exit ends the attempt. */
  public static void exitResponse(
      HttpURLConnection connection, ConnectionAttempt state, int responseCode, Throwable thrown) {
    if (--state.depth > 0) {
      return;
    }
    // Mark the end first: reading a header re-enters getInputStream, which must find no open attempt.
    ATTEMPTS.put(connection, ENDED);
    if (responseCode > 0) {
      CurrentsRequests.end(state.attempt, responseCode, connection, RESPONSE_HEADERS);
    } else {
      CurrentsRequests.fail(state.attempt, thrown);
    }
  }

  /**
   * A failure after the connection's first {@code plainConnect} returned, inside the HTTPS {@code connect} (the
   * TLS handshake): ends the open attempt, which no {@code getInputStream} may follow.
   */
  public static void failOpen(HttpURLConnection connection, Throwable thrown) {
    ConnectionAttempt state = ATTEMPTS.get(connection);
    if (state != null && state != ENDED) {
      ATTEMPTS.put(connection, ENDED);
      CurrentsRequests.fail(state.attempt, thrown);
    }
  }

  private static ConnectionAttempt stateOf(HttpURLConnection connection, MessageHeader requestHeaders) {
    ConnectionAttempt state = ATTEMPTS.get(connection);
    if (state == null) {
      Attempt started =
          CurrentsRequests.start(
              CLIENT, connection.getRequestMethod(), connection.getURL(), requestHeaders, REQUEST_HEADERS);
      if (started == null) {
        return null;
      }
      // Not yet connected: the connection still takes request headers.
      CurrentsRequests.propagate(started, connection);
      state = ATTEMPTS.putIfAbsent(connection, new ConnectionAttempt(started));
    }
    return state == ENDED ? null : state;
  }

  /**
   * One connection's attempt and how deep its {@code getInputStream} calls are nested. {@code
   * getInputStream} is synchronized on the connection, so the depth needs no further guard.
   */
  public static final class ConnectionAttempt {
    final Attempt attempt;
    int depth;

    ConnectionAttempt(Attempt attempt) {
      this.attempt = attempt;
    }
  }
}
