package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.bootstrap.HeaderInjector;
import java.net.HttpURLConnection;

/**
 * Adds a header to an {@code HttpURLConnection} before it connects: the attempt starts on the connection's
 * first {@code connect}, {@code getOutputStream} or {@code getInputStream}, before the JDK sends anything.
 */
final class HttpUrlConnectionHeaders implements HeaderInjector {

  @Override
  public boolean has(Object connection, String name) {
    return ((HttpURLConnection) connection).getRequestProperty(name) != null;
  }

  @Override
  public Object with(Object connection, String name, String value) {
    ((HttpURLConnection) connection).setRequestProperty(name, value);
    return connection;
  }
}
