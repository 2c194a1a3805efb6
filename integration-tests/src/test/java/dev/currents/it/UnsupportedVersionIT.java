package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A library version the agent does not support is left as it is, with one debug line and no error: the
 * application's calls work and none is recorded.
 */
class UnsupportedVersionIT {

  @Test
  void okHttpBefore314IsLeftAloneWithOneDebugLine() throws Exception {
    assertLeftAlone(Subjects.OKHTTP.version("3.12.13"), "okhttp", "older than 3.14", "okhttp3.");
  }

  @Test
  void apacheHttpClientBefore45IsLeftAloneWithOneDebugLine() throws Exception {
    assertLeftAlone(Subjects.APACHE4.version("4.4.1"), "apache-httpclient-4", "older than 4.5", "org.apache.http.");
  }

  /** Every client of the subject gets its answer, none is recorded, and the agent says so once at debug level. */
  private static void assertLeftAlone(Subject subject, String tag, String line, String libraryPackage) throws Exception {
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

  @Test
  void jettyBefore94IsLeftAloneWithOneDebugLine() throws Exception {
    TestApi api = TestApi.start();
    Subject jetty93 = Subjects.JETTY.version("9.3.30");
    try (AppJvm app = jetty93.app(api).property("currents.agent.log.level", "debug").start()) {
      for (String client : List.of("jetty-httpclient", "jetty-httpclient-async")) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects",
            "header=Authorization:Bearer%20" + TestApi.RW_KEY));
      }
      assertEquals(0, app.scrape().requests("client", "jetty-httpclient"));
      List<String> stderr = app.stderr();
      assertEquals(1, stderr.stream().filter(line -> line.contains("older than 9.4")).count(), stderr::toString);
      assertTrue(stderr.stream().noneMatch(line -> line.contains("org.eclipse.jetty.")), "no Jetty class woven nor failing");
    } finally {
      api.api.close();
    }
  }

  @Test
  void reactorNettyBefore10IsLeftAloneWithOneDebugLine() throws Exception {
    TestApi api = TestApi.start();
    Subject reactorNetty09 = Subjects.REACTOR_NETTY.version("0.9.25");
    try (AppJvm app = reactorNetty09.app(api).property("currents.agent.log.level", "debug").start()) {
      for (String client : List.of("reactor-netty", "reactor-netty-async")) {
        assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects",
            "header=Authorization:Bearer%20" + TestApi.RW_KEY));
      }
      assertEquals(0, app.scrape().requests("client", "reactor-netty"));
      List<String> stderr = app.stderr();
      assertEquals(1, stderr.stream().filter(line -> line.contains("reactor-netty") && line.contains("older than 1.0")).count(),
          stderr::toString);
      assertTrue(stderr.stream().noneMatch(line -> line.contains("reactor.netty.")), "no Reactor Netty class woven nor failing");
    } finally {
      api.api.close();
    }
  }
}
