package dev.currents.testapp.feign;

import feign.http2client.Http2Client;

/**
 * OpenFeign on the JDK's {@code HttpClient} ({@code feign-java11}'s {@code Http2Client}), blocking, without
 * Feign's retries: it makes a JDK client per connect timeout and redirect policy, and gives each request the read
 * timeout.
 */
public final class FeignJava11Adapter extends FeignAdapter {

  public FeignJava11Adapter(boolean unused) {
    super(false, new Http2Client());
  }
}
