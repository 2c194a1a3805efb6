package dev.currents.agent.instrumentation.micronauthttpclient;

import dev.currents.agent.testing.SupportedVersionContract;

/** Micronaut 4.8 on the test class path is woven; a loader without it is left alone, "older than 4.8". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new MicronautHttpClientInstrumentation(), "io.micronaut.http.client.netty.DefaultHttpClient", "4.8");
  }
}
