package dev.currents.agent.instrumentation.vertxhttpclient;

import dev.currents.agent.testing.SupportedVersionContract;

/** Vert.x 4.5 on the test class path is woven; a loader without it is left alone, "older than 4.1". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new VertxHttpClientInstrumentation(), "io.vertx.core.http.impl.HttpClientRequestImpl", "4.1");
  }
}
