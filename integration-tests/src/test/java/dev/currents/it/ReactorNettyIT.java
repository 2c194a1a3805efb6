package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.it.OtlpReceiver.ReceivedSpan;
import dev.currents.simapi.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Reactor Netty and WebClient do beyond the client suite, at each version the suite runs, in an application
 * that makes every call inside a span of its own SDK ({@link TracedApp}): each attempt's span is a child of that
 * span, although Reactor Netty starts it on an event loop; with propagation on, each request on the wire carries
 * the {@code traceparent} of its own attempt's span, once (each hop of a followed redirect its own, the
 * application's own kept); and a {@code retryWhen} with a delay is a chain of
 * attempts whose backoff delays are the delays Reactor waited, because each attempt starts when its request
 * goes out, not when the call was assembled.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.currents.it.Subjects#reactorNettyVersions")
class ReactorNettyIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String AUTHORIZATION = "header=Authorization:Bearer%20" + TestApi.RW_KEY;

  private static TestApi api;
  private static OtlpReceiver collector;
  private static AppJvm app;
  private static String[] applicationSpan;

  @Parameter Subject subject;

  @BeforeParameterizedClassInvocation
  static void startApplication(Subject subject) throws Exception {
    api = TestApi.start();
    collector = OtlpReceiver.answering();
    app =
        TracedApp.of(subject.app(api), "sdk")
            .property("currents.agent.otlp.endpoint", collector.endpoint())
            .property("currents.agent.traces.exporter", "otlp")
            .property("currents.agent.traces.propagate", "true")
            .start();
    applicationSpan = TracedApp.applicationSpan(app);
  }

  @AfterParameterizedClassInvocation
  static void stopApplication() throws Exception {
    app.close();
    collector.close();
    api.api.close();
  }

  @AfterEach
  void clearScripts() {
    api.api.reset();
  }

  @Test
  void eachRequestCarriesItsOwnAttemptsSpanAsTraceparentOnce() throws Exception {
    for (TestedClient client : subject.clients()) {
      String pathAndQuery = "/v1/projects?limit=5&client=" + client.name();
      assertEquals("STATUS 200", app.call(client.name(), "GET", api.api.httpsBaseUrl() + pathAndQuery, AUTHORIZATION));
      ReceivedSpan span = onlySpan(s -> pathAndQuery.equals(pathOf(s)));
      assertEquals("reactor-netty", span.attribute("currents.client"));
      assertEquals(List.of(span.traceparent()), received(pathAndQuery).headers().get("traceparent"), client.name());
    }
  }

  @Test
  void eachHopOfAFollowedRedirectCarriesItsOwnTraceparent() throws Exception {
    for (TestedClient client : subject.clients()) {
      String from = "/v1/projects/bAYZ41?hop=" + client.name();
      String to = "/v1/projects?hop=" + client.name();
      api.api.script().on("GET", "/v1/projects/bAYZ41").respond(302, "", Map.of("Location", api.api.httpBaseUrl() + to));
      assertEquals("STATUS 200",
          app.call(client.name(), "GET", api.api.httpBaseUrl() + from, AUTHORIZATION, "followRedirects=true"));
      ReceivedSpan first = onlySpan(s -> from.equals(pathOf(s)));
      ReceivedSpan second = onlySpan(s -> to.equals(pathOf(s)));
      assertEquals(302L, first.attribute("http.response.status_code"));
      assertEquals(List.of(first.traceparent()), received(from).headers().get("traceparent"), client.name());
      assertEquals(List.of(second.traceparent()), received(to).headers().get("traceparent"), client.name());
    }
  }

  /**
   * The application subscribes (by {@code block()} or {@code subscribe}) inside its span; Reactor Netty starts
   * each attempt on an event loop, where that span is not current. Each is its child all the same: both hops of a
   * followed redirect, and an attempt whose connection was refused.
   */
  @Test
  void eachAttemptIsAChildOfTheSpanCurrentWhenTheApplicationSubscribed() throws Exception {
    for (TestedClient client : subject.clients()) {
      String from = "/v1/projects/pArEnT?parent=" + client.name();
      String to = "/v1/projects?parent=" + client.name();
      api.api.script().on("GET", "/v1/projects/pArEnT").respond(302, "", Map.of("Location", api.api.httpBaseUrl() + to));
      assertEquals("STATUS 200",
          app.call(client.name(), "GET", api.api.httpBaseUrl() + from, AUTHORIZATION, "followRedirects=true"));
      String refused = "/v1/runs/0123456789abcdef0123456789abcdef?parent=" + client.name();
      assertEquals("ERROR java.net.ConnectException",
          app.call(client.name(), "GET", "http://127.0.0.1:" + api.closedPort + refused, AUTHORIZATION));
      for (String pathAndQuery : List.of(from, to, refused)) {
        ReceivedSpan span = onlySpan(s -> pathAndQuery.equals(pathOf(s)));
        assertEquals(applicationSpan[0], span.traceId(), () -> "the application's trace: " + pathAndQuery);
        assertEquals(applicationSpan[1], span.parentSpanId(), () -> "a child of the application's span: " + pathAndQuery);
      }
    }
  }

  @Test
  void aTraceparentTheApplicationSetIsKeptAndNotRepeated() throws Exception {
    String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    for (TestedClient client : subject.clients()) {
      String pathAndQuery = "/v1/projects?limit=5&own=" + client.name();
      assertEquals("STATUS 200", app.call(client.name(), "GET", api.api.httpBaseUrl() + pathAndQuery, AUTHORIZATION,
          "header=traceparent:" + own));
      assertEquals(List.of(own), received(pathAndQuery).headers().get("traceparent"), client.name());
      onlySpan(s -> pathAndQuery.equals(pathOf(s)));
    }
  }

  /**
   * Two 503s, each retried by {@code retryWhen(Retry.fixedDelay(2, 300ms))}: three attempts, a chain that
   * recovers, and two compliant backoff delays of at least the 300 ms Reactor waited, none measured from the
   * subscription that assembled the call.
   */
  @Test
  void retryWhenWithADelayIsAChainWithTheDelaysReactorWaited() throws Exception {
    String path = "/v1/projects/bAYZ41/insights";
    String[] route = {"method", "GET", "endpoint", "/v1/projects/{projectId}/insights"};
    api.api.script().on("GET", path).times(2).respond(503);
    TestedClient client = subject.clients().get(0);
    assertEquals("STATUS 200", app.call(client.name(), "GET", api.api.httpBaseUrl() + path + "?retried=1", AUTHORIZATION,
        "retries=2", "retryDelayMs=300"));
    PrometheusScrape scrape = awaitScrape(s -> s.sum("currents_api_retry_chains_total", route) > 0);
    assertEquals(3, scrape.requests(route), scrape::text);
    assertEquals(2, scrape.requests(with(route, "resend", "true")), scrape::text);
    assertEquals(1, scrape.sum("currents_api_retry_chains_total", with(route, "result", "recovered")), scrape::text);
    assertEquals(2, scrape.sum("currents_api_backoff_delay_seconds_count", with(route, "compliant", "true")), scrape::text);
    assertEquals(0, scrape.sum("currents_api_backoff_delay_seconds_bucket", with(route, "le", "0.25")), scrape::text);
    double waited = scrape.sum("currents_api_backoff_delay_seconds_sum", route);
    assertTrue(waited >= 0.6 && waited < 1.5, () -> "waited " + waited + " s in all");
  }

  private static ReceivedRequest received(String pathAndQuery) {
    List<ReceivedRequest> requests =
        api.api.received().stream().filter(r -> pathAndQuery.equals(r.path() + "?" + r.query())).toList();
    assertEquals(1, requests.size(), requests::toString);
    return requests.get(0);
  }

  private static ReceivedSpan onlySpan(Predicate<ReceivedSpan> matching) throws InterruptedException {
    List<ReceivedSpan> spans = collector.awaitSpans(1, matching, WAIT);
    assertEquals(1, spans.size(), spans::toString);
    return spans.get(0);
  }

  /** Path and query of a span's {@code url.full}. */
  private static String pathOf(ReceivedSpan span) {
    String url = String.valueOf(span.attribute("url.full"));
    int path = url.indexOf('/', url.indexOf("://") + 3);
    return path < 0 ? "" : url.substring(path);
  }

  private static PrometheusScrape awaitScrape(Predicate<PrometheusScrape> done) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    PrometheusScrape scrape = app.scrape();
    while (!done.test(scrape) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scrape = app.scrape();
    }
    return scrape;
  }

  private static String[] with(String[] route, String... labels) {
    String[] all = java.util.Arrays.copyOf(route, route.length + labels.length);
    System.arraycopy(labels, 0, all, route.length, labels.length);
    return all;
  }
}
