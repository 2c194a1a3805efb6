package dev.currents.agent.instrumentation.armeriaclient;

import dev.currents.agent.testing.SupportedVersionContract;

/** Armeria 1.21 on the test class path is woven; a loader without it is left alone, "older than 1.21". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new ArmeriaClientInstrumentation(), "com.linecorp.armeria.client.HttpClientDelegate", "1.21");
  }
}
