package dev.currents.agent.instrumentation.reactornetty;

import dev.currents.agent.testing.SupportedVersionContract;

/** Reactor Netty 1.0 on the test class path is woven; a loader without it is left alone, "older than 1.0". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new ReactorNettyInstrumentation(), "reactor.netty.http.client.HttpClientOperations", "1.0");
  }
}
