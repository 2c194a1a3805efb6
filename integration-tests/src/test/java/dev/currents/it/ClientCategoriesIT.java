package dev.currents.it;

import static dev.currents.it.TestedClient.Feature.ANSWERS_AUTHENTICATION_CHALLENGES;
import static dev.currents.it.TestedClient.Feature.CALL_TIMEOUT;
import static dev.currents.it.TestedClient.Feature.CANCEL;
import static dev.currents.it.TestedClient.Feature.DROPS_CREDENTIALS_ON_REDIRECT;
import static dev.currents.it.TestedClient.Feature.EACH_REQUEST_IS_AN_ATTEMPT;
import static dev.currents.it.TestedClient.Feature.LOADED_BY_THE_APPLICATION;
import static dev.currents.it.TestedClient.Feature.MULTIPLEXES_HTTP2;
import static dev.currents.it.TestedClient.Feature.NO_READ_TIMEOUT_OVER_HTTP2;
import static dev.currents.it.TestedClient.Feature.RESENDS_429_AND_503_AT_ONCE;
import static dev.currents.it.TestedClient.Feature.RETRIES_ON_CONNECTION_FAILURE;
import static dev.currents.it.TestedClient.Feature.SPEAKS_H2C;
import static dev.currents.it.TestedClient.Feature.SPEAKS_HTTP2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.it.OtlpReceiver.ReceivedSpan;
import dev.currents.simapi.ReceivedRequest;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client suite: every error category of SPEC section 3, caused for real by each client the agent instruments,
 * over HTTP and HTTPS against the simulated API, as the agent's Prometheus endpoint shows it: one sample per
 * attempt, with the right category, status, route and client. Then what some clients do beyond one request per
 * call: cancellation, call timeouts, followed redirects, their own resends, a second copy of the library.
 *
 * <p>It runs once per {@link Subject} (the JDK's clients on each JDK, each library version), with one application
 * JVM shared by the subject's tests. A test of something a subject's clients cannot do has no invocation there.
 * The subjects are dealt to two subclasses, which the build runs at the same time in two test JVMs: most of a
 * subject's time is spent waiting for timeouts and delays, not computing.
 *
 * <p>The application makes every call inside a span of its own OpenTelemetry SDK, as a traced service does: each
 * attempt's span must be its child, whichever thread the client started or ended the attempt on.
 */
abstract class ClientCategoriesIT {

  private static final String RUN_ID = "0123456789abcdef0123456789abcdef";
  private static final String PROJECT_ID = "bAYZ41";
  /** Long enough for the agent's batch of spans (one second) to reach the collector. */
  private static final Duration SPANS_ARRIVE = Duration.ofSeconds(15);

  private static TestApi api;
  private static UnansweredPort unanswered;
  private static OtlpReceiver collector;
  private static AppJvm app;
  private static RecordedCalls calls;
  /** The application's span, {@code [traceId, spanId]}, current wherever the application makes its calls. */
  private static String[] applicationSpan;
  /** The subject running, for the argument sources: they are static and run after the class-level set-up. */
  private static Subject running;

  @Parameter Subject subject;

  @BeforeParameterizedClassInvocation
  static void startApplication(Subject subject) throws Exception {
    running = subject;
    api = TestApi.start();
    unanswered = UnansweredPort.open();
    collector = OtlpReceiver.answering();
    app =
        TracedApp.of(subject.app(api), "sdk")
            .property("currents.agent.hosts", api.hosts() + ",127.0.0.1:" + unanswered.port())
            .property("currents.agent.otlp.endpoint", collector.endpoint())
            .property("currents.agent.traces.exporter", "otlp")
            .property("currents.agent.traces.propagate", "true")
            .start();
    applicationSpan = TracedApp.applicationSpan(app);
    calls = new RecordedCalls(app, api.api);
    // A client's first call loads and weaves its classes, and its first over TLS makes its TLS context, which on a
    // busy machine can outlast a 300 ms timeout or a cancellation after 200 ms: each is made before the tests.
    for (TestedClient client : subject.clients()) {
      for (String scheme : schemes(client).toList()) {
        String[] options = scheme.equals("h2")
            ? new String[] {bearer(TestApi.RW_KEY), "http2=true"}
            : new String[] {bearer(TestApi.RW_KEY)};
        app.call(client.name(), "GET", api.baseUrl(scheme) + "/v1/projects?warm-up=" + client.name(), options);
      }
    }
  }

  @AfterParameterizedClassInvocation
  static void stopApplication() throws Exception {
    app.close();
    api.api.close();
    unanswered.close();
    collector.close();
  }

  @AfterEach
  void clearScripts() {
    api.api.reset();
  }

  static Stream<TestedClient> clients() {
    return running.clients().stream();
  }

  static Stream<Arguments> everyClient() {
    return overSchemes(clients());
  }

  static Stream<Arguments> clientsWithReadTimeouts() {
    return everyClient()
        .filter(arguments -> !(arguments.get()[1].equals("h2")
            && ((TestedClient) arguments.get()[0]).can(NO_READ_TIMEOUT_OVER_HTTP2)));
  }

  static Stream<Arguments> clientsThatCancel() {
    return overSchemes(clients().filter(client -> client.can(CANCEL)));
  }

  static Stream<Arguments> clientsWithCallTimeouts() {
    return overSchemes(clients().filter(client -> client.can(CALL_TIMEOUT)));
  }

  /** Over HTTP/1.1: the resend of a request whose reused connection was reset is a behaviour of HTTP/1.1 pools. */
  static Stream<Arguments> clientsThatResendAfterConnectionFailures() {
    return clients()
        .filter(client -> client.can(RETRIES_ON_CONNECTION_FAILURE))
        .flatMap(client -> Stream.of("http", "https").map(scheme -> Arguments.of(client, scheme)));
  }

  static Stream<Arguments> clientsThatAnswerChallenges() {
    return overSchemes(clients().filter(client -> client.can(ANSWERS_AUTHENTICATION_CHALLENGES)));
  }

  static Stream<Arguments> clientsThatResend429() {
    return overSchemes(clients().filter(TestedClient::resends429));
  }

  static Stream<Arguments> clientsThatResend503() {
    return overSchemes(clients().filter(TestedClient::resends503));
  }

  /** Clients whose redirect hops are attempts of their own, and reach the target with the request's credentials. */
  static Stream<Arguments> clientsThatFollowRedirectsAttemptByAttempt() {
    return overSchemes(
        clients().filter(client -> client.can(EACH_REQUEST_IS_AN_ATTEMPT) && !client.can(DROPS_CREDENTIALS_ON_REDIRECT)));
  }

  static Stream<TestedClient> librariesOfTheApplication() {
    return clients().filter(client -> client.can(LOADED_BY_THE_APPLICATION));
  }

  private static Stream<Arguments> overSchemes(Stream<TestedClient> clients) {
    return clients.flatMap(client -> schemes(client).map(scheme -> Arguments.of(client, scheme)));
  }

  /** HTTP/1.1 in clear and over TLS, and HTTP/2 over TLS for a client that speaks it. */
  private static Stream<String> schemes(TestedClient client) {
    return client.can(SPEAKS_HTTP2) ? Stream.of("http", "https", "h2") : Stream.of("http", "https");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void ok(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void redirectReturnedToTheCaller(TestedClient client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID;
    api.api.script().on("GET", path).respond(302, "", Map.of("Location", api.baseUrl(scheme) + "/v1/projects"));
    expect(client, scheme, "GET", path, "STATUS 302", "/v1/projects/{projectId}", "redirect", "302", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void badRequest(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/runs/find", "STATUS 400", "/v1/runs/find", "bad_request", "400", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void unauthorized(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/projects", "STATUS 401", "/v1/projects", "unauthorized", "401", bearer("not-a-key"));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void requestFailed(TestedClient client, String scheme) throws Exception {
    api.api.script().on("POST", "/v1/signature/test").respond(402);
    expect(client, scheme, "POST", "/v1/signature/test", "STATUS 402", "/v1/signature/test", "request_failed", "402",
        bearer(TestApi.RW_KEY), "body={}");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void forbiddenWhenAReadOnlyKeyWrites(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "DELETE", "/v1/runs/" + RUN_ID, "STATUS 403", "/v1/runs/{runId}", "forbidden", "403",
        bearer(TestApi.RO_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void notFoundOnAnUnknownPathIsRoutedToOther(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/no/such/route", "STATUS 404", "other", "not_found", "404", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void conflict(TestedClient client, String scheme) throws Exception {
    String path = "/v1/runs/" + RUN_ID + "/reset";
    api.api.script().on("PUT", path).respond(409);
    expect(client, scheme, "PUT", path, "STATUS 409", "/v1/runs/{runId}/reset", "conflict", "409", bearer(TestApi.RW_KEY), "body={}");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void tooManyRequests(TestedClient client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/runs";
    api.api.script().on("GET", path).times(answersPerCall(client.resends429()))
        .respond(429, "{\"status\":\"FAILED\",\"error\":\"slow down\"}", Map.of("Retry-After", "1"));
    expect(client, scheme, "GET", path, "STATUS 429", "/v1/projects/{projectId}/runs", "too_many_requests", "429",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void otherClientErrors(TestedClient client, String scheme) throws Exception {
    api.api.script().on("POST", "/runs").respond(422, "{\"message\":\"run cancelled\",\"errors\":[],\"code\":\"RUN_CANCELLED\"}", Map.of());
    expect(client, scheme, "POST", "/runs", "STATUS 422", "/runs", "client_error", "422",
        "header=x-currents-key:" + TestApi.RECORD_KEY, "body={}");
    // Twice: OkHttp resends a 408 once by itself, and returns the second.
    api.api.script().on("GET", "/v1/actions/tests").times(2).respond(408);
    expect(client, scheme, "GET", "/v1/actions/tests", "STATUS 408", "/v1/actions/tests", "client_error", "408",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void serverErrors(TestedClient client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/insights";
    api.api.script().on("GET", path).times(answersPerCall(client.resends503())).respond(503);
    expect(client, scheme, "GET", path, "STATUS 503", "/v1/projects/{projectId}/insights", "server_error", "503",
        bearer(TestApi.RW_KEY));
    api.api.script().on("GET", path).respond(500);
    expect(client, scheme, "GET", path, "STATUS 500", "/v1/projects/{projectId}/insights", "server_error", "500",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("clientsWithReadTimeouts")
  void timeout(TestedClient client, String scheme) throws Exception {
    expectToGiveUpOnASlowAnswer(client, scheme, "timeout", "timeoutMs=300");
  }

  /** A client that resends on a reused connection makes one attempt more, which must be a network error too. */
  @ParameterizedTest
  @MethodSource("everyClient")
  void connectionReset(TestedClient client, String scheme) throws Exception {
    api.api.script().on("POST", "/v1/share").always().resetConnection();
    if (scheme.equals("h2")) {
      expectEveryAttemptToFail(client, "/v1/share");
    } else {
      expectFailure(client, scheme, "POST", "/v1/share", "/v1/share", "network_error", bearer(TestApi.RW_KEY), "body={}");
    }
  }

  @ParameterizedTest
  @MethodSource("clients")
  void connectionRefused(TestedClient client) throws Exception {
    String url = "http://127.0.0.1:" + api.closedPort + "/v1/projects";
    RecordedCalls.Call call =
        expectAt(client, "GET", url, "ERROR", "/v1/projects", "network_error", "NONE", "127.0.0.1", bearer(TestApi.RW_KEY));
    // java.net.ConnectException, or a subclass of it that names the host (Apache HttpClient's).
    assertTrue(call.answer().endsWith("ConnectException"), call::answer);
  }

  static Stream<TestedClient> clientsOnHttpUrlConnection() {
    return clients().filter(client -> client.tag().equals("http-url-connection"));
  }

  /**
   * HTTPS to a port that speaks plain HTTP: the TLS handshake fails. For HttpURLConnection, whose HTTPS
   * {@code connect} the agent weaves apart, both ways: inside {@code getInputStream}, and in a {@code connect()}
   * the application calls first, as RestTemplate does.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsOnHttpUrlConnection")
  void aFailedTlsHandshakeIsANetworkError(TestedClient client) throws Exception {
    String url = api.baseUrl("http").replaceFirst("^http:", "https:") + "/v1/projects";
    expectAt(client, "GET", url, "ERROR", "/v1/projects", "network_error", "NONE", "127.0.0.1", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void connectTimeout(TestedClient client) throws Exception {
    String url = "http://127.0.0.1:" + unanswered.port() + "/v1/projects";
    expectAt(client, "GET", url, "ERROR", "/v1/projects", "timeout", "NONE", "127.0.0.1", bearer(TestApi.RW_KEY),
        "timeoutMs=300");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatCancel")
  void cancelledWhenTheCallerCancels(TestedClient client, String scheme) throws Exception {
    expectToGiveUpOnASlowAnswer(client, scheme, "cancelled", "cancelAfterMs=200");
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsWithCallTimeouts")
  void callTimeout(TestedClient client, String scheme) throws Exception {
    expectToGiveUpOnASlowAnswer(client, scheme, "timeout", "callTimeoutMs=300");
  }

  /** Where each request is an attempt, the 302 is one and its target another; else the call is one attempt. */
  @ParameterizedTest
  @MethodSource("everyClient")
  void followedRedirect(TestedClient client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID;
    api.api.script().on("GET", path).respond(302, "", Map.of("Location", api.baseUrl(scheme) + "/v1/projects"));
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl(scheme) + path, bearer(TestApi.RW_KEY), "followRedirects=true");
    boolean refused = client.can(DROPS_CREDENTIALS_ON_REDIRECT);
    assertEquals(refused ? "STATUS 401" : "STATUS 200", call.answer());
    String[] firstHop = labels(client, "GET", "/v1/projects/{projectId}", "redirect", "302", host(scheme));
    String[] target = refused
        ? labels(client, "GET", "/v1/projects", "unauthorized", "401", host(scheme))
        : labels(client, "GET", "/v1/projects", "ok", "200", host(scheme));
    if (client.can(EACH_REQUEST_IS_AN_ATTEMPT)) {
      assertEquals(1, call.samples(firstHop), call::scrapeText);
      assertEquals(1, call.samples(target), call::scrapeText);
      assertEquals(2, call.samples("client", client.tag()), "two attempts, whatever their labels");
    } else {
      assertEquals(1, call.samples(labels(client, "GET", "/v1/projects/{projectId}", "ok", "200", host(scheme))),
          call::scrapeText);
      assertEquals(1, call.samples("client", client.tag()), "one attempt, whatever its labels");
    }
  }

  /** A 401 with a challenge the client has credentials for, then the same request again with them. */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatAnswerChallenges")
  void aResendAnsweringAnAuthenticationChallengeIsAnAttemptOfItsOwn(TestedClient client, String scheme)
      throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/runs";
    api.api.script().on("GET", path).respond(401, "", Map.of("WWW-Authenticate", "Basic realm=\"currents-it\""));
    api.api.script().on("GET", path).respond(200);
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl(scheme) + path, bearer(TestApi.RW_KEY));
    assertEquals("STATUS 200", call.answer());
    assertEquals(2, call.requestsReceived(), "the API got the request twice");
    String endpoint = "/v1/projects/{projectId}/runs";
    assertEquals(1, call.samples(labels(client, "GET", endpoint, "unauthorized", "401", host(scheme))), call::scrapeText);
    assertEquals(1, call.samples(labels(client, "GET", endpoint, "ok", "200", host(scheme))), call::scrapeText);
    assertEquals(2, call.samples("client", client.tag()), "two attempts, whatever their labels");
  }

  /**
   * OkHttp resends a request whose reused connection was reset: the first call leaves a connection in the pool,
   * the API resets it under the second call's request, and OkHttp sends that again on a new connection.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatResendAfterConnectionFailures")
  void aResendAfterAConnectionFailureIsAnAttemptOfItsOwn(TestedClient client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
    api.api.script().on("GET", "/v1/projects").resetConnection();
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl(scheme) + "/v1/projects", bearer(TestApi.RW_KEY));
    assertEquals("STATUS 200", call.answer());
    assertEquals(2, call.requestsReceived(), "the API got the request twice");
    String[] failed = labels(client, "GET", "/v1/projects", "network_error", "NONE", host(scheme));
    assertEquals(1, call.samples(withResend(failed, false)), call::scrapeText);
    String[] resent = labels(client, "GET", "/v1/projects", "ok", "200", host(scheme));
    assertEquals(1, call.samples(withResend(resent, true)), call::scrapeText);
    assertEquals(2, call.samples("client", client.tag()), "two attempts, whatever their labels");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void fiftyCallsAtOnceAreFiftySamples(TestedClient client) throws Exception {
    RecordedCalls.Call call =
        calls.make(client, "GET", api.baseUrl("https") + "/v1/projects", bearer(TestApi.RW_KEY), "concurrent=50");
    assertEquals("STATUS 200", call.answer());
    assertEquals(50, call.requestsReceived());
    String[] ok = labels(client, "GET", "/v1/projects", "ok", "200", host("https"));
    assertEquals(50, call.samples(withResend(ok, false)), call::scrapeText);
    assertEquals(50, call.samples("client", client.tag()), "fifty samples, whatever their labels");
  }

  static Stream<TestedClient> clientsThatSpeakHttp2() {
    return clients().filter(client -> client.can(SPEAKS_HTTP2));
  }

  static Stream<TestedClient> clientsThatMultiplexHttp2() {
    return clientsThatSpeakHttp2().filter(client -> client.can(MULTIPLEXES_HTTP2));
  }

  static Stream<TestedClient> clientsThatCancelOverHttp2() {
    return clientsThatMultiplexHttp2().filter(client -> client.can(CANCEL));
  }

  /**
   * Fifty requests at once over HTTP/2 are streams that share connections (the one the client opened before, and as
   * many more as its pool opens at once): fifty attempts.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatMultiplexHttp2")
  void fiftyStreamsAtOnceSharingConnectionsAreFiftySamples(TestedClient client) throws Exception {
    assertEquals("STATUS 200", calls.make(client, "GET", api.baseUrl("h2") + "/v1/projects", bearer(TestApi.RW_KEY))
        .answer(), "the connection, open before the streams");
    RecordedCalls.Call call =
        calls.make(client, "GET", api.baseUrl("h2") + "/v1/projects", bearer(TestApi.RW_KEY), "concurrent=50");
    assertEquals("STATUS 200", call.answer());
    List<ReceivedRequest> streams = api.api.received().stream().filter(r -> call.isMine(r.query())).toList();
    assertEquals(50, streams.size());
    long connections = streams.stream().map(ReceivedRequest::clientPort).distinct().count();
    assertTrue(connections < streams.size() / 2,
        client + ": " + connections + " connections for " + streams.size() + " streams");
    String[] ok = labels(client, "GET", "/v1/projects", "ok", "200", host("h2"));
    assertEquals(50, call.samples(withResend(ok, false)), call::scrapeText);
    assertEquals(50, call.samples("client", client.tag()), "fifty samples, whatever their labels");
  }

  /**
   * Five streams at once, one of which the API answers late: the application cancels that one alone, which is
   * {@code cancelled}; the four others, on the same connection, are {@code ok}.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatCancelOverHttp2")
  void cancellingOneStreamLeavesTheOthersOnItsConnectionAsTheyEnded(TestedClient client) throws Exception {
    String path = "/v1/tests/" + PROJECT_ID;
    api.api.script().on("GET", path).delay(Duration.ofSeconds(2));
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl("h2") + path, bearer(TestApi.RW_KEY),
        "concurrent=5", "cancelAfterMs=500");
    assertTrue(call.answer().startsWith("MIXED"), call::answer);
    String[] ok = labels(client, "GET", "/v1/tests/{projectId}", "ok", "200", host("h2"));
    String[] cancelled = labels(client, "GET", "/v1/tests/{projectId}", "cancelled", "NONE", host("h2"));
    assertEquals(4, call.samples(ok), call::scrapeText);
    assertEquals(1, call.samples(cancelled), call::scrapeText);
    assertEquals(5, call.samples("client", client.tag()), "five samples, whatever their labels");
  }

  /**
   * A stream the server resets (RST_STREAM), each time a client sends it again, is a network error; the connection
   * goes on: the next call is ok.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatSpeakHttp2")
  void aResetStreamIsANetworkErrorAndTheConnectionGoesOn(TestedClient client) throws Exception {
    api.api.script().on("POST", "/v1/share").always().resetStream();
    expectEveryAttemptToFail(client, "/v1/share");
    expect(client, "h2", "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
  }

  static Stream<TestedClient> clientsThatSpeakH2c() {
    return clients().filter(client -> client.can(SPEAKS_H2C));
  }

  /**
   * HTTP/2 in clear text: the first request upgrades its connection, the next are streams on it; each an attempt
   * with its status and category, each checked to have reached the API over HTTP/2.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatSpeakH2c")
  void clearTextHttp2CallsAreAttemptsLikeAnyOther(TestedClient client) throws Exception {
    expect(client, "h2c", "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
    api.api.script().on("GET", "/v1/runs/" + RUN_ID).respond(429, "", Map.of("Retry-After", "1"));
    expect(client, "h2c", "GET", "/v1/runs/" + RUN_ID, "STATUS 429", "/v1/runs/{runId}", "too_many_requests", "429",
        bearer(TestApi.RW_KEY));
  }

  /** A server that goes away (GOAWAY) under a stream, each time a client sends it again: a network error. */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatSpeakHttp2")
  void aGoAwayUnderAStreamIsANetworkError(TestedClient client) throws Exception {
    api.api.script().on("POST", "/v1/share").always().goAway();
    expectEveryAttemptToFail(client, "/v1/share");
  }

  /**
   * Each call is a CLIENT span of the agent, and the request the API received carries that span as its one
   * {@code traceparent}: propagation is on in this suite, so each client's injection runs in every test.
   */
  @ParameterizedTest
  @MethodSource("clients")
  void eachCallIsASpanThatTheRequestCarriesAsItsTraceparent(TestedClient client) throws Exception {
    for (String scheme : List.of("http", "https")) {
      String pathAndQuery = "/v1/projects?limit=3&traced=" + client.name() + "-" + scheme;
      assertEquals("STATUS 200", calls.make(client, "GET", api.baseUrl(scheme) + pathAndQuery, bearer(TestApi.RW_KEY))
          .answer());
    }
    for (String scheme : List.of("http", "https")) {
      // The driver numbers each call in its query: &call=N.
      String pathAndQuery = "/v1/projects?limit=3&traced=" + client.name() + "-" + scheme + "&";
      List<OtlpReceiver.ReceivedSpan> spans =
          collector.awaitSpans(1, span -> span.pathAndQuery().startsWith(pathAndQuery), Duration.ofSeconds(15));
      assertEquals(1, spans.size(), spans::toString);
      OtlpReceiver.ReceivedSpan span = spans.get(0);
      assertEquals("GET /v1/projects", span.name());
      assertEquals(client.tag(), span.attribute("currents.client"));
      assertEquals("ok", span.attribute("currents.error.category"));
      assertChildOfTheApplicationsSpan(span);
      List<ReceivedRequest> received =
          api.api.received().stream().filter(r -> (r.path() + "?" + r.query()).startsWith(pathAndQuery)).toList();
      assertEquals(1, received.size(), scheme);
      assertEquals(List.of(span.traceparent()), received.get(0).headers().get("traceparent"), scheme);
    }
  }

  /** The first copy was woven and counts once (every other test); the second is woven on its own. */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("librariesOfTheApplication")
  void aSecondCopyOfTheLibraryInAnotherClassLoaderCountsItsCallsOnce(TestedClient client) throws Exception {
    expect(client.inSecondCopy(), "http", "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200",
        bearer(TestApi.RW_KEY));
    expect(client, "http", "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
  }

  /**
   * A 429 that the client resends by itself after its Retry-After is two attempts of one call: the second a resend,
   * whose backoff delay is compliant, or, for a client that resends at once, {@code retry_after_ignored}.
   */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatResend429")
  void a429TheClientResendsByItselfIsTwoAttemptsTheSecondAResend(TestedClient client, String scheme) throws Exception {
    expectAResendByTheClient(client, scheme, 429, Map.of("Retry-After", "1"), "too_many_requests", "retry_after_ignored");
  }

  /** Likewise a 503 without Retry-After: compliant when the client waited, else {@code no_backoff}. */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatResend503")
  void a503TheClientResendsByItselfIsTwoAttemptsTheSecondAResend(TestedClient client, String scheme) throws Exception {
    expectAResendByTheClient(client, scheme, 503, Map.of(), "server_error", "no_backoff");
  }

  private void expectAResendByTheClient(TestedClient client, String scheme, int status, Map<String, String> headers,
      String category, String violationWithoutAWait) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/runs";
    api.api.script().on("GET", path).respond(status, "", headers);
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl(scheme) + path, bearer(TestApi.RW_KEY));
    assertEquals("STATUS 200", call.answer());
    assertEquals(2, call.requestsReceived());
    String endpoint = "/v1/projects/{projectId}/runs";
    String[] failed = labels(client, "GET", endpoint, category, Integer.toString(status), host(scheme));
    assertEquals(1, call.samples(withResend(failed, false)), call::scrapeText);
    String[] resent = labels(client, "GET", endpoint, "ok", "200", host(scheme));
    assertEquals(1, call.samples(withResend(resent, true)), call::scrapeText);
    assertEquals(2, call.samples("client", client.tag()), "two attempts, whatever their labels");
    boolean waits = !client.can(RESENDS_429_AND_503_AT_ONCE);
    String[] route = {"method", "GET", "endpoint", endpoint, "trigger", category};
    assertEquals(1, call.added("currents_api_backoff_delay_seconds_count", with(route, "compliant", Boolean.toString(waits))),
        call::scrapeText);
    assertEquals(waits ? 0 : 1, call.added("currents_api_backoff_violations_total", with(route, "reason", violationWithoutAWait)),
        call::scrapeText);
    assertEquals(1, call.added("currents_api_retry_chains_total", with(route, "result", "recovered")), call::scrapeText);
    List<ReceivedSpan> spans = spansOf(call, 2);
    ReceivedSpan resend = spans.stream().filter(span -> span.attribute("http.request.resend_count") != null)
        .findFirst().orElseThrow(() -> new AssertionError("no resend among " + spans));
    assertEquals(1L, resend.attribute("http.request.resend_count"), resend::toString);
    assertEquals(waits, resend.attribute("currents.backoff.compliant"), resend::toString);
    assertEquals("ok", resend.attribute("currents.error.category"));
  }

  /** Each hop of a followed redirect is an attempt, with a span of its own: each request names its own. */
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("clientsThatFollowRedirectsAttemptByAttempt")
  void eachAttemptSendsOneTraceparentOfItsOwn(TestedClient client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID;
    String targetQuery = "hop=" + client.name() + "-" + scheme;
    api.api.script().on("GET", path).respond(302, "", Map.of("Location", api.baseUrl(scheme) + "/v1/projects?" + targetQuery));
    RecordedCalls.Call call = calls.make(client, "GET", api.baseUrl(scheme) + path, bearer(TestApi.RW_KEY), "followRedirects=true");
    assertEquals("STATUS 200", call.answer());
    List<List<String>> traceparents = new ArrayList<>();
    for (ReceivedRequest request : api.api.received()) {
      if (request.path().equals(path) || request.query().equals(targetQuery)) {
        traceparents.add(request.headers().get("traceparent"));
      }
    }
    assertEquals(2, traceparents.size(), traceparents::toString);
    for (List<String> traceparent : traceparents) {
      assertEquals(1, traceparent == null ? 0 : traceparent.size(), traceparents::toString);
      assertTrue(traceparent.get(0).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), traceparent::toString);
    }
    assertNotEquals(traceparents.get(0), traceparents.get(1), "each attempt's own span");
    List<ReceivedSpan> hops =
        collector.awaitSpans(2, span -> traceparents.contains(List.of(span.traceparent())), SPANS_ARRIVE);
    hops.forEach(ClientCategoriesIT::assertChildOfTheApplicationsSpan);
  }

  /**
   * A failed attempt's span says what happened, as SPEC section 6 has it, from every client: a 429 with the
   * server's {@code Retry-After} and its event, and a refused connection, which has no response.
   */
  @ParameterizedTest
  @MethodSource("clients")
  void aFailedAttemptIsAnErrorSpanThatSaysWhatHappened(TestedClient client) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/runs";
    api.api.script().on("GET", path).times(answersPerCall(client.resends429()))
        .respond(429, "", Map.of("Retry-After", "1"));
    RecordedCalls.Call throttled = calls.make(client, "GET", api.baseUrl("https") + path, bearer(TestApi.RW_KEY));
    assertEquals("STATUS 429", throttled.answer());
    ReceivedSpan rateLimited = firstAttemptsSpan(throttled, answersPerCall(client.resends429()));
    assertEquals("GET /v1/projects/{projectId}/runs", rateLimited.name());
    assertEquals(429L, rateLimited.attribute("http.response.status_code"));
    assertEquals("429", rateLimited.attribute("error.type"));
    assertEquals("too_many_requests", rateLimited.attribute("currents.error.category"));
    assertEquals(true, rateLimited.attribute("currents.error.retryable"));
    assertEquals(1.0, rateLimited.attribute("currents.retry_after"));
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, rateLimited.span().getStatus().getCode());
    assertEquals("429: rate limited; back off exponentially", rateLimited.span().getStatus().getMessage());
    assertEquals(1, rateLimited.span().getEventsCount(), rateLimited::toString);
    assertEquals("currents.rate_limited", rateLimited.span().getEvents(0).getName());

    String refusedUrl = "http://127.0.0.1:" + api.closedPort + "/v1/projects";
    RecordedCalls.Call refused = calls.make(client, "GET", refusedUrl, bearer(TestApi.RW_KEY));
    ReceivedSpan noResponse = firstAttemptsSpan(refused, 1);
    assertEquals("network_error", noResponse.attribute("currents.error.category"));
    assertFalse(noResponse.attributes().containsKey("http.response.status_code"), noResponse::toString);
    assertFalse(noResponse.attributes().containsKey("currents.retry_after"), noResponse::toString);
    // The exception's class as the client threw it: java.net.ConnectException, or a subclass naming the host.
    assertTrue(String.valueOf(noResponse.attribute("error.type")).matches("[\\w.$]+ConnectException"),
        noResponse::toString);
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, noResponse.span().getStatus().getCode());
    assertEquals("no response: refused, reset, DNS, TLS or other I/O failure", noResponse.span().getStatus().getMessage());
    assertEquals(0, noResponse.span().getEventsCount(), noResponse::toString);
  }

  /** The span of a call's first attempt (not a resend), once the call's {@code attempts} spans have all arrived. */
  private static ReceivedSpan firstAttemptsSpan(RecordedCalls.Call call, int attempts) throws InterruptedException {
    List<ReceivedSpan> spans = spansOf(call, attempts);
    List<ReceivedSpan> first = spans.stream().filter(span -> span.attribute("http.request.resend_count") == null).toList();
    assertEquals(1, first.size(), spans::toString);
    return first.get(0);
  }

  /** The call's spans, each a child of the application's span; exactly {@code attempts} of them. */
  private static List<ReceivedSpan> spansOf(RecordedCalls.Call call, int attempts) throws InterruptedException {
    List<ReceivedSpan> spans = collector.awaitSpans(attempts, span -> call.isMine(span.rawQuery()), SPANS_ARRIVE);
    assertEquals(attempts, spans.size(), spans::toString);
    spans.forEach(ClientCategoriesIT::assertChildOfTheApplicationsSpan);
    return spans;
  }

  private static void assertChildOfTheApplicationsSpan(ReceivedSpan span) {
    assertEquals(applicationSpan[0], span.traceId(), () -> "in the application's trace: " + span);
    assertEquals(applicationSpan[1], span.parentSpanId(), () -> "a child of the application's span: " + span);
  }

  /** How many times the API must answer a 429 or 503 for the caller to see it: twice where the client resends once. */
  private static int answersPerCall(boolean resends) {
    return resends ? 2 : 1;
  }

  private static String[] with(String[] labels, String... more) {
    String[] all = java.util.Arrays.copyOf(labels, labels.length + more.length);
    System.arraycopy(more, 0, all, labels.length, more.length);
    return all;
  }

  private static String bearer(String key) {
    return "header=Authorization:Bearer%20" + key;
  }

  private void expect(TestedClient client, String scheme, String method, String path, String answer, String endpoint,
      String category, String status, String... options) throws Exception {
    String url = api.baseUrl(scheme) + path;
    expectAt(client, method, url, answer, endpoint, category, status, host(scheme), options);
  }

  private void expectFailure(TestedClient client, String scheme, String method, String path, String endpoint,
      String category, String... options) throws Exception {
    String url = api.baseUrl(scheme) + path;
    expectAt(client, method, url, "ERROR", endpoint, category, "NONE", host(scheme), options);
  }

  /**
   * A POST over HTTP/2 that the API ends without an answer each time: every attempt is a {@code network_error}, the
   * first not a resend; for a client whose every request is an attempt, at least as many as requests the API
   * received (one that resends by itself may lose a request with a dying connection before the API sees it, an
   * attempt all the same), else one. It goes to the h2 listener by its address, an origin of its own: a client that
   * keeps a connection the server killed (Vert.x 4.1 after a GOAWAY, now and then) must not hand it to later tests.
   */
  private void expectEveryAttemptToFail(TestedClient client, String path) throws Exception {
    String[] labels = labels(client, "POST", path, "network_error", "NONE", "127.0.0.1");
    RecordedCalls.Call call =
        calls.make(client, "POST", api.baseUrl("h2-by-address") + path, bearer(TestApi.RW_KEY), "body={}");
    assertTrue(call.answer().startsWith("ERROR"), () -> "the application saw " + call.answer());
    assertEquals(1, call.samples(withResend(labels, false)), call::scrapeText);
    long attempts = call.samples("client", client.tag());
    assertEquals(attempts, call.samples(labels), "every attempt a network error");
    if (client.can(EACH_REQUEST_IS_AN_ATTEMPT)) {
      assertTrue(attempts >= Math.max(1, call.requestsReceived()), attempts + " attempts, " + call.requestsReceived()
          + " requests received");
    } else {
      assertEquals(1, attempts, call::scrapeText);
    }
  }

  /** The API answers two seconds late; {@code option} makes the client give up before. */
  private void expectToGiveUpOnASlowAnswer(TestedClient client, String scheme, String category, String option)
      throws Exception {
    String path = "/v1/tests/" + PROJECT_ID;
    api.api.script().on("GET", path).delay(Duration.ofSeconds(2));
    expectFailure(client, scheme, "GET", path, "/v1/tests/{projectId}", category, bearer(TestApi.RW_KEY), option);
  }

  private static String host(String scheme) {
    return scheme.equals("https") || scheme.equals("h2") ? "localhost" : "127.0.0.1";
  }

  /**
   * Makes the call and asserts that it, and nothing else, was recorded with these labels: once, or, for a client
   * whose every request is an attempt, once per request the API received (a resend on a reused connection), the
   * first not a resend.
   */
  private RecordedCalls.Call expectAt(TestedClient client, String method, String url, String answer, String endpoint,
      String category, String status, String serverAddress, String... options) throws Exception {
    String[] labels = labels(client, method, endpoint, category, status, serverAddress);
    RecordedCalls.Call call = calls.make(client, method, url, options);
    assertTrue(call.answer().startsWith(answer), () -> "the application saw " + call.answer() + ", expected " + answer);
    long attempts = client.can(EACH_REQUEST_IS_AN_ATTEMPT) ? Math.max(1, call.requestsReceived()) : 1;
    assertEquals(1, call.samples(withResend(labels, false)), () -> "one sample with " + String.join(",", labels)
        + " in:\n" + call.scrapeText());
    assertEquals(attempts, call.samples(labels), () -> attempts + " samples with " + String.join(",", labels));
    assertEquals(attempts, call.samples("client", client.tag()), "exactly one sample per attempt, whatever its labels");
    return call;
  }

  private static String[] labels(TestedClient client, String method, String endpoint, String category, String status,
      String serverAddress) {
    return new String[] {"client", client.tag(), "method", method, "endpoint", endpoint, "error_category", category,
        "status", status, "server_address", serverAddress};
  }

  private static String[] withResend(String[] labels, boolean resend) {
    String[] with = java.util.Arrays.copyOf(labels, labels.length + 2);
    with[labels.length] = "resend";
    with[labels.length + 1] = Boolean.toString(resend);
    return with;
  }
}
