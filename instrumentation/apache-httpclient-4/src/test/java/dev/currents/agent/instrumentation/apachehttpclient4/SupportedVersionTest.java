package dev.currents.agent.instrumentation.apachehttpclient4;

import dev.currents.agent.testing.SupportedVersionContract;

/** HttpClient 4.5 on the test class path is woven; a loader without it is left alone, "older than 4.5". */
class SupportedVersionTest extends SupportedVersionContract {

  SupportedVersionTest() {
    super(new ApacheHttpClient4Instrumentation(), "org.apache.http.impl.execchain.MainClientExec", "4.5");
  }
}
