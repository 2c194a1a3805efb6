package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A library version the agent does not support is left as it is, with one debug line and no error: the
 * application's calls work and none is recorded.
 */
class UnsupportedVersionIT {

  /** One version too old of each library: its subject, its client tag, the debug line, the library's package. */
  static Stream<Arguments> versionsTooOld() {
    return Stream.of(
        Arguments.of(Subjects.OKHTTP.version("3.12.13"), "okhttp", "older than 3.14", "okhttp3."),
        Arguments.of(Subjects.APACHE4.version("4.4.1"), "apache-httpclient-4", "older than 4.5", "org.apache.http."),
        Arguments.of(Subjects.JETTY.version("9.3.30"), "jetty-httpclient", "older than 9.4", "org.eclipse.jetty."),
        Arguments.of(Subjects.REACTOR_NETTY.version("0.9.25"), "reactor-netty", "older than 1.0", "reactor.netty."),
        Arguments.of(Subjects.ASYNC_HTTP_CLIENT_2.version("2.0.40"), "async-http-client", "older than 2.1",
            "org.asynchttpclient."),
        Arguments.of(Subjects.VERTX.version("4.0.3"), "vertx-http-client", "older than 4.1", "io.vertx."),
        Arguments.of(Subjects.MICRONAUT.version("4.7.6"), "micronaut-http-client", "older than 4.8", "io.micronaut."),
        Arguments.of(Subjects.ARMERIA.version("1.20.3"), "armeria-client", "older than 1.21", "com.linecorp.armeria."));
  }

  /** Every client of the subject gets its answer, none is recorded, and the agent says so once at debug level. */
  @ParameterizedTest
  @MethodSource("versionsTooOld")
  void aVersionTooOldIsLeftAloneWithOneDebugLine(Subject subject, String tag, String line, String libraryPackage)
      throws Exception {
    TestApi api = TestApi.start();
    try (AppJvm app = subject.app(api).property("currents.agent.log.level", "debug").start()) {
      for (TestedClient client : subject.clients()) {
        assertEquals("STATUS 200", app.call(client.name(), "GET", api.api.httpBaseUrl() + "/v1/projects",
            "header=Authorization:Bearer%20" + TestApi.RW_KEY));
      }
      assertEquals(0, app.scrape().requests("client", tag));
      List<String> stderr = app.stderr();
      assertEquals(1, stderr.stream().filter(l -> l.contains(line)).count(), stderr::toString);
      assertTrue(stderr.stream().noneMatch(l -> l.contains(libraryPackage)), "no class of the library woven nor failing");
    } finally {
      api.api.close();
    }
  }
}
