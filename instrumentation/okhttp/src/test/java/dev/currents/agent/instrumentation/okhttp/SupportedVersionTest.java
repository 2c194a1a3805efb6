package dev.currents.agent.instrumentation.okhttp;

import dev.currents.agent.testing.SupportedVersionContract;

/** OkHttp 3.14 on the test class path is woven; a loader without it is left alone, "older than 3.14". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new OkHttpInstrumentation(), "okhttp3.internal.connection.ConnectInterceptor", "3.14");
  }
}
