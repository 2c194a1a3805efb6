package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.it.OtlpReceiver.ReceivedSpan;
import dev.currents.simapi.ReceivedRequest;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent's spans (SPEC section 6) as a collector receives them over OTLP/HTTP from an application JVM that
 * has its own OpenTelemetry SDK and runs every call inside a span of its own: attributes, events and status,
 * parents, retries, redaction, propagation to the server, the logging exporter, and OTLP metrics.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.currents.it.Jdks#all")
class TracingIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SECRET_QUERY = "query-secret-value";
  private static final String USER_INFO = "someone:user-info-password";
  private static final String[] CLIENTS = {
    "java-http-client", "java-http-client-async", "http-url-connection", "jetty-httpclient", "jetty-httpclient-async",
    "async-http-client", "async-http-client-async"
  };
  /** AsyncHttpClient follows a redirect with a request it sends from a Netty thread. */
  private static final String AHC_HOPS_PATH = "/v1/projects/aHcHp1";
  private static final String AHC_HOPS_TARGET = "/v1/projects?hops=ahc";
  /** Jetty follows a redirect with a new request of the same conversation, into which it copies the headers. */
  private static final String HOPS_PATH = "/v1/projects/hOpS01";
  private static final String HOPS_TARGET = "/v1/projects?hops=1";
  private static final String APPLICATIONS_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final String CHAIN_PATH = "/v1/projects/bAYZ41/runs";

  private static TestApi api;
  private static OtlpReceiver collector;
  private static AppJvm app;
  private static String[] applicationSpan;

  @Parameter Jdks.Jdk jdk;

  @BeforeParameterizedClassInvocation
  static void startApplication(Jdks.Jdk jdk) throws Exception {
    api = TestApi.start();
    collector = OtlpReceiver.answering();
    app =
        TracedApp.of(api.app(jdk), "sdk")
            .classPath(Subjects.JETTY.version("12.1.14").classPath() + java.io.File.pathSeparator
                + Subjects.ASYNC_HTTP_CLIENT.version("3.0.14").classPath())
            // The collector is listed as a Currents host: the agent must still not record its own exports.
            .property("currents.agent.hosts", api.hosts() + ",127.0.0.1:" + collector.port())
            .property("currents.agent.otlp.endpoint", collector.endpoint())
            .property("currents.agent.traces.exporter", "otlp,logging")
            .property("currents.agent.traces.propagate", "true")
            .property("currents.agent.metrics.exporter", "prometheus,otlp")
            .start();
    applicationSpan = TracedApp.applicationSpan(app);
    makeTheCalls();
  }

  /**
   * Every call the tests look at, made once: the tests then only wait for the spans, which the agent sends about
   * once a second.
   */
  private static void makeTheCalls() throws Exception {
    for (String client : CLIENTS) {
      assertEquals("STATUS 200", app.call(client, "GET", api.api.httpBaseUrl() + "/v1/projects?limit=5&client=" + client,
          bearer()));
    }
    api.api.script().on("GET", HOPS_PATH).respond(302, "", Map.of("Location", api.api.httpBaseUrl() + HOPS_TARGET));
    // Jetty follows without the Authorization header: the target refuses it.
    assertEquals("STATUS 401", app.call("jetty-httpclient", "GET", api.api.httpBaseUrl() + HOPS_PATH, bearer(),
        "followRedirects=true"));
    api.api.script().on("GET", HOPS_PATH).respond(302, "", Map.of("Location", api.api.httpBaseUrl() + HOPS_TARGET + "&own=1"));
    assertEquals("STATUS 401", app.call("jetty-httpclient", "GET", api.api.httpBaseUrl() + HOPS_PATH + "?own=1", bearer(),
        "followRedirects=true", "header=traceparent:" + APPLICATIONS_TRACEPARENT));
    api.api.script().on("GET", AHC_HOPS_PATH).respond(302, "", Map.of("Location", api.api.httpBaseUrl() + AHC_HOPS_TARGET));
    assertEquals("STATUS 200", app.call("async-http-client-async", "GET", api.api.httpBaseUrl() + AHC_HOPS_PATH, bearer(),
        "followRedirects=true"));
    api.api.script().on("GET", CHAIN_PATH).respond(503);
    api.api.script().on("GET", CHAIN_PATH).respond(429, "{}", Map.of("Retry-After", "1"));
    String chain = api.api.httpBaseUrl() + CHAIN_PATH + "?chain=1";
    assertEquals("STATUS 503", app.call("java-http-client", "GET", chain, bearer()));
    assertEquals("STATUS 429", app.call("java-http-client", "GET", chain, bearer()));
    Thread.sleep(1100); // honours Retry-After
    assertEquals("STATUS 200", app.call("java-http-client", "GET", chain, bearer()));

    String closed = "http://127.0.0.1:" + api.closedPort + "/v1/runs/0123456789abcdef0123456789abcdef";
    assertEquals("ERROR java.net.ConnectException", app.call("http-url-connection", "GET", closed, bearer()));

    String withSecrets = api.api.httpBaseUrl().replace("://", "://" + USER_INFO + "@")
        + "/v1/projects?apiKey=" + SECRET_QUERY + "&limit=2";
    assertEquals("STATUS 200", app.call("http-url-connection", "GET", withSecrets, bearer()));
    app.call("java-http-client", "POST", api.api.httpBaseUrl() + "/runs?redaction=1",
        "header=x-currents-key:" + TestApi.RECORD_KEY, "body={}");
  }

  @AfterParameterizedClassInvocation
  static void stopApplication() throws Exception {
    app.close();
    collector.close();
    api.api.close();
  }

  @Test
  void everyClientMakesOneClientSpanPerCallAsAChildOfTheApplicationsSpan() throws Exception {
    for (String client : CLIENTS) {
      ReceivedSpan span = onlySpan(s -> ("/v1/projects?limit=5&client=" + client).equals(s.pathAndQuery()));
      assertEquals("GET /v1/projects", span.name());
      assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.span().getKind());
      assertEquals(Status.StatusCode.STATUS_CODE_UNSET, span.span().getStatus().getCode());
      assertEquals(
          new TreeMap<>(Map.of(
              "http.request.method", "GET",
              "http.response.status_code", 200L,
              "server.address", "127.0.0.1",
              "server.port", (long) api.api.httpPort(),
              "url.full", api.api.httpBaseUrl() + "/v1/projects?limit=5&client=" + client,
              "url.template", "/v1/projects",
              "currents.client", client.replace("-async", ""),
              "currents.error.category", "ok",
              "currents.error.retryable", false)),
          span.attributes());
      assertEquals(applicationSpan[0], span.traceId(), "the application's trace");
      assertEquals(applicationSpan[1], span.parentSpanId(), "a child of the application's span");
      assertTrue(span.span().getEndTimeUnixNano() > span.span().getStartTimeUnixNano());
      assertEquals("dev.currents.agent", span.scope());
      assertTrue(span.resource().get("service.name").toString().startsWith("unknown_service"), span.resource()::toString);
    }
  }

  @Test
  void theServerReceivesTheAgentsSpanAsTraceparentOncePerRequest() throws Exception {
    for (String client : CLIENTS) {
      String pathAndQuery = "/v1/projects?limit=5&client=" + client;
      ReceivedRequest request =
          api.api.received().stream().filter(r -> pathAndQuery.equals(r.path() + "?" + r.query())).findFirst().orElseThrow();
      ReceivedSpan span = onlySpan(s -> pathAndQuery.equals(s.pathAndQuery()));
      assertEquals(List.of(span.traceparent()), request.headers().get("traceparent"), client);
    }
  }

  @Test
  void eachHopOfAFollowedRedirectCarriesItsOwnSpanAsTraceparent() throws Exception {
    ReceivedSpan first = onlySpan(s -> HOPS_PATH.equals(s.pathAndQuery()));
    ReceivedSpan target = onlySpan(s -> HOPS_TARGET.equals(s.pathAndQuery()));
    assertEquals("GET /v1/projects/{projectId}", first.name());
    assertEquals("GET /v1/projects", target.name());
    assertEquals(List.of(first.traceparent()), receivedAt(HOPS_PATH).headers().get("traceparent"));
    assertEquals(List.of(target.traceparent()), receivedAt(HOPS_TARGET).headers().get("traceparent"),
        "not the copy of the first hop's");
    // The first hop starts on the application's thread, inside its span; Jetty sends the next from its own thread,
    // where no span is current: the span kept for the conversation is its parent all the same.
    assertEquals(applicationSpan[1], first.parentSpanId(), "the first hop is a child of the application's span");
    assertEquals(applicationSpan[0], target.traceId(), "the next hop in the application's trace");
    assertEquals(applicationSpan[1], target.parentSpanId(), "the next hop a child of the application's span too");
  }

  /** AsyncHttpClient sends the next hop from a Netty thread: the span kept with its future is the hop's parent. */
  @Test
  void theHopsOfAnAsyncHttpClientRedirectAreChildrenOfTheApplicationsSpan() throws Exception {
    ReceivedSpan first = onlySpan(s -> AHC_HOPS_PATH.equals(s.pathAndQuery()));
    ReceivedSpan target = onlySpan(s -> AHC_HOPS_TARGET.equals(s.pathAndQuery()));
    assertEquals(List.of(first.traceparent()), receivedAt(AHC_HOPS_PATH).headers().get("traceparent"));
    assertEquals(List.of(target.traceparent()), receivedAt(AHC_HOPS_TARGET).headers().get("traceparent"));
    for (ReceivedSpan hop : List.of(first, target)) {
      assertEquals("async-http-client", hop.attribute("currents.client"));
      assertEquals(applicationSpan[0], hop.traceId(), "the application's trace");
      assertEquals(applicationSpan[1], hop.parentSpanId(), "a child of the application's span");
    }
  }

  @Test
  void aTraceparentTheApplicationSetIsSentAsItIsOnEveryHop() throws Exception {
    assertEquals(List.of(APPLICATIONS_TRACEPARENT), receivedAt(HOPS_PATH + "?own=1").headers().get("traceparent"));
    assertEquals(List.of(APPLICATIONS_TRACEPARENT), receivedAt(HOPS_TARGET + "&own=1").headers().get("traceparent"));
  }

  private static ReceivedRequest receivedAt(String pathAndQuery) {
    return api.api.received().stream()
        .filter(r -> pathAndQuery.equals(r.query().isEmpty() ? r.path() : r.path() + "?" + r.query()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no request to " + pathAndQuery));
  }

  @Test
  void attemptsOfARetryChainAreSpansOfTheirOwnWithResendCountAndBackoff() throws Exception {
    List<ReceivedSpan> chain = collector.awaitSpans(3, s -> (CHAIN_PATH + "?chain=1").equals(s.pathAndQuery()), WAIT);
    ReceivedSpan failed = chain.get(0);
    ReceivedSpan throttled = chain.get(1);
    ReceivedSpan recovered = chain.get(2);
    assertFalse(failed.attributes().containsKey("http.request.resend_count"), "only retries have a resend count");
    assertFalse(failed.attributes().containsKey("currents.backoff.delay"));
    assertEquals("503", failed.attribute("error.type"));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, failed.span().getStatus().getCode());
    assertEquals("5xx: server error", failed.span().getStatus().getMessage());

    assertEquals(1L, throttled.attribute("http.request.resend_count"));
    assertEquals(false, throttled.attribute("currents.backoff.compliant"), "retried at once after a 503");
    assertEquals("too_many_requests", throttled.attribute("currents.error.category"));
    assertEquals(true, throttled.attribute("currents.error.retryable"));
    assertEquals(1.0, throttled.attribute("currents.retry_after"));
    assertEquals(1, throttled.span().getEventsCount());
    assertEquals("currents.rate_limited", throttled.span().getEvents(0).getName());

    assertEquals(2L, recovered.attribute("http.request.resend_count"));
    assertEquals(true, recovered.attribute("currents.backoff.compliant"), "waited out the Retry-After");
    assertTrue((double) recovered.attribute("currents.backoff.delay") >= 1.0, recovered::toString);
    assertEquals(0, recovered.span().getEventsCount());
    for (ReceivedSpan attempt : chain) {
      assertEquals(applicationSpan[0], attempt.traceId());
    }
    assertEquals(3, chain.stream().map(ReceivedSpan::spanId).distinct().count(), "three spans");
  }

  @Test
  void aCallWithoutResponseIsAnErrorSpanNamedByItsException() throws Exception {
    ReceivedSpan span = onlySpan(s -> ("" + api.closedPort).equals(String.valueOf(s.attribute("server.port"))));
    assertEquals("GET /v1/runs/{runId}", span.name());
    assertEquals("java.net.ConnectException", span.attribute("error.type"));
    assertEquals("network_error", span.attribute("currents.error.category"));
    assertFalse(span.attributes().containsKey("http.response.status_code"));
    assertEquals(
        "no response: refused, reset, DNS, TLS or other I/O failure", span.span().getStatus().getMessage());
  }

  @Test
  void urlsLoseUserInfoAndCredentialValuesAndNoHeaderIsEverExported() throws Exception {
    ReceivedSpan span = onlySpan(s -> "/v1/projects?apiKey=REDACTED&limit=2".equals(s.pathAndQuery()));
    assertEquals(api.api.httpBaseUrl() + "/v1/projects?apiKey=REDACTED&limit=2", span.attribute("url.full"));
    onlySpan(s -> "/runs?redaction=1".equals(s.pathAndQuery()));

    for (byte[] body : collector.bodies()) {
      String sent = new String(body, StandardCharsets.ISO_8859_1);
      for (String secret : List.of(TestApi.RW_KEY, TestApi.RECORD_KEY, SECRET_QUERY, USER_INFO, "Bearer")) {
        assertFalse(sent.contains(secret), "exported: " + secret);
      }
    }
    for (String line : app.stderr()) {
      for (String secret : List.of(TestApi.RW_KEY, TestApi.RECORD_KEY, SECRET_QUERY, USER_INFO)) {
        assertFalse(line.contains(secret), "logged: " + line);
      }
    }
  }

  @Test
  void theLoggingExporterWritesOneLinePerSpan() throws Exception {
    ReceivedSpan span = onlySpan(s -> "/v1/projects?limit=5&client=java-http-client".equals(s.pathAndQuery()));
    String line = awaitLine(l -> l.contains(span.spanId()));
    assertTrue(line.startsWith("[currents-agent] span GET /v1/projects "), line);
    assertTrue(line.contains("trace=" + span.traceId()) && line.contains("parent=" + applicationSpan[1]), line);
    assertTrue(line.contains("url.full=" + span.attribute("url.full")), line);
    assertEquals(1, app.stderr().stream().filter(l -> l.contains(span.spanId())).count());
  }

  @Test
  void theAgentDoesNotRecordItsOwnExports() throws Exception {
    onlySpan(s -> "/v1/projects?limit=5&client=http-url-connection".equals(s.pathAndQuery()));
    assertTrue(collector.bodies().size() > 0);
    assertTrue(collector.spans().stream().noneMatch(s -> Long.valueOf(collector.port()).equals(s.attribute("server.port"))),
        "no span of a request to the collector");
    assertEquals(0, app.scrape().requests("endpoint", "other", "server_address", "127.0.0.1", "status", "200"));
  }

  private static ReceivedSpan onlySpan(Predicate<ReceivedSpan> matching) throws InterruptedException {
    List<ReceivedSpan> spans = collector.awaitSpans(1, matching, WAIT);
    assertEquals(1, spans.size(), spans::toString);
    return spans.get(0);
  }

  private static String awaitLine(Predicate<String> matching) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : app.stderr()) {
        if (matching.test(line)) {
          return line;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no such line in:\n" + String.join("\n", app.stderr()));
  }

  private static String bearer() {
    return "header=Authorization:Bearer%20" + TestApi.RW_KEY;
  }
}
