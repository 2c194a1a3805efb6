package dev.currents.agent.instrumentation.apachehttpclient5;

import dev.currents.agent.bootstrap.HeaderGetter;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.MessageHeaders;

/** The headers of HttpClient 5's requests and responses, for the bridge; a helper defined beside each copy. */
public final class HttpClient5Messages implements HeaderGetter<MessageHeaders> {

  public static final HttpClient5Messages INSTANCE = new HttpClient5Messages();

  private HttpClient5Messages() {}

  @Override
  public String first(MessageHeaders message, String name) {
    Header header = message.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }
}
