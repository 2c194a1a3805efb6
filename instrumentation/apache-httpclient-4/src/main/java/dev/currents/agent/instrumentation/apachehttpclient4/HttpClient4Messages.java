package dev.currents.agent.instrumentation.apachehttpclient4;

import dev.currents.agent.bootstrap.HeaderGetter;
import org.apache.http.Header;
import org.apache.http.HttpMessage;

/** The headers of HttpClient 4's requests and responses, for the bridge; a helper defined beside each copy. */
public final class HttpClient4Messages implements HeaderGetter<HttpMessage> {

  public static final HttpClient4Messages INSTANCE = new HttpClient4Messages();

  private HttpClient4Messages() {}

  @Override
  public String first(HttpMessage message, String name) {
    Header header = message.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }
}
