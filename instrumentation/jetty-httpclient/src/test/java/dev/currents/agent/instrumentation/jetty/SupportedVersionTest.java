package dev.currents.agent.instrumentation.jetty;

import dev.currents.agent.testing.SupportedVersionContract;

/** Jetty's client 9.4 on the test class path is woven; a loader without it is left alone, "older than 9.4". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new JettyHttpClientInstrumentation(), "org.eclipse.jetty.client.HttpExchange", "9.4");
  }
}
