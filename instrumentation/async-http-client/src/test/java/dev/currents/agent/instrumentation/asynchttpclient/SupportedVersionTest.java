package dev.currents.agent.instrumentation.asynchttpclient;

import dev.currents.agent.testing.SupportedVersionContract;

/** AsyncHttpClient 2.1 on the test class path is woven; a loader without it is left alone, "older than 2.1". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new AsyncHttpClientInstrumentation(), "org.asynchttpclient.netty.NettyResponseFuture", "2.1");
  }
}
