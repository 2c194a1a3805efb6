package dev.currents.agent.instrumentation.httpurlconnection;

import dev.currents.agent.bootstrap.HeaderInjector;
import java.net.HttpURLConnection;

/**
 * Adds a header to an {@code HttpURLConnection} before it connects: the attempt starts on the connection's
 * first {@code connect}, {@code getOutputStream} or {@code getInputStream}, before the JDK sends anything.
 */
final class HttpUrlConnectionHeaders implements HeaderInjector<HttpURLConnection> {

  @Override
  public String first(HttpURLConnection connection, String name) {
    return connection.getRequestProperty(name);
  }

  @Override
  public HttpURLConnection with(HttpURLConnection connection, String name, String value) {
    connection.setRequestProperty(name, value);
    return connection;
  }
}
