package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error category of SPEC section 3, caused for real by the JDK's two HTTP clients (and {@code sendAsync})
 * over HTTP and HTTPS against the simulated API, as the agent's Prometheus endpoint shows it: exactly one
 * sample per call, with the right category, status, route and client.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.currents.it.Jdks#all")
class JdkClientCategoriesIT {

  private static final String RUN_ID = "0123456789abcdef0123456789abcdef";
  private static final String PROJECT_ID = "bAYZ41";

  private static TestApi api;
  private static AppJvm app;

  @Parameter Jdks.Jdk jdk;

  @BeforeParameterizedClassInvocation
  static void startApplication(Jdks.Jdk jdk) throws Exception {
    api = TestApi.start();
    app = api.app(jdk).start();
  }

  @AfterParameterizedClassInvocation
  static void stopApplication() throws Exception {
    app.close();
    api.api.close();
  }

  @AfterEach
  void clearScripts() {
    api.api.reset();
  }

  static Stream<String> clients() {
    return Stream.of("java-http-client", "java-http-client-async", "http-url-connection");
  }

  static Stream<Arguments> everyClient() {
    return clients().flatMap(client -> Stream.of("http", "https").map(scheme -> Arguments.of(client, scheme)));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void ok(String client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/projects", "STATUS 200", "/v1/projects", "ok", "200", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void redirectReturnedToTheCaller(String client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID;
    api.api.script().on("GET", path).respond(302, "", Map.of("Location", api.baseUrl(scheme) + "/v1/projects"));
    expect(client, scheme, "GET", path, "STATUS 302", "/v1/projects/{projectId}", "redirect", "302", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void badRequest(String client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/runs/find", "STATUS 400", "/v1/runs/find", "bad_request", "400", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void unauthorized(String client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/projects", "STATUS 401", "/v1/projects", "unauthorized", "401", bearer("not-a-key"));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void requestFailed(String client, String scheme) throws Exception {
    api.api.script().on("POST", "/v1/signature/test").respond(402);
    expect(client, scheme, "POST", "/v1/signature/test", "STATUS 402", "/v1/signature/test", "request_failed", "402",
        bearer(TestApi.RW_KEY), "body={}");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void forbiddenWhenAReadOnlyKeyWrites(String client, String scheme) throws Exception {
    expect(client, scheme, "DELETE", "/v1/runs/" + RUN_ID, "STATUS 403", "/v1/runs/{runId}", "forbidden", "403",
        bearer(TestApi.RO_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void notFoundOnAnUnknownPathIsRoutedToOther(String client, String scheme) throws Exception {
    expect(client, scheme, "GET", "/v1/no/such/route", "STATUS 404", "other", "not_found", "404", bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void conflict(String client, String scheme) throws Exception {
    String path = "/v1/runs/" + RUN_ID + "/reset";
    api.api.script().on("PUT", path).respond(409);
    expect(client, scheme, "PUT", path, "STATUS 409", "/v1/runs/{runId}/reset", "conflict", "409", bearer(TestApi.RW_KEY), "body={}");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void tooManyRequests(String client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/runs";
    api.api.script().on("GET", path).respond(429, "{\"status\":\"FAILED\",\"error\":\"slow down\"}", Map.of("Retry-After", "1"));
    expect(client, scheme, "GET", path, "STATUS 429", "/v1/projects/{projectId}/runs", "too_many_requests", "429",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void otherClientErrors(String client, String scheme) throws Exception {
    api.api.script().on("POST", "/runs").respond(422, "{\"message\":\"run cancelled\",\"errors\":[],\"code\":\"RUN_CANCELLED\"}", Map.of());
    expect(client, scheme, "POST", "/runs", "STATUS 422", "/runs", "client_error", "422",
        "header=x-currents-key:" + TestApi.RECORD_KEY, "body={}");
    api.api.script().on("GET", "/v1/actions/tests").respond(408);
    expect(client, scheme, "GET", "/v1/actions/tests", "STATUS 408", "/v1/actions/tests", "client_error", "408",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void serverErrors(String client, String scheme) throws Exception {
    String path = "/v1/projects/" + PROJECT_ID + "/insights";
    api.api.script().on("GET", path).respond(503);
    expect(client, scheme, "GET", path, "STATUS 503", "/v1/projects/{projectId}/insights", "server_error", "503",
        bearer(TestApi.RW_KEY));
    api.api.script().on("GET", path).respond(500);
    expect(client, scheme, "GET", path, "STATUS 500", "/v1/projects/{projectId}/insights", "server_error", "500",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void timeout(String client, String scheme) throws Exception {
    String path = "/v1/tests/" + PROJECT_ID;
    api.api.script().on("GET", path).delay(Duration.ofSeconds(2));
    expectFailure(client, scheme, "GET", path, "/v1/tests/{projectId}", "timeout", bearer(TestApi.RW_KEY), "timeoutMs=300");
  }

  @ParameterizedTest
  @MethodSource("everyClient")
  void connectionReset(String client, String scheme) throws Exception {
    api.api.script().on("POST", "/v1/share").always().resetConnection();
    expectFailure(client, scheme, "POST", "/v1/share", "/v1/share", "network_error", bearer(TestApi.RW_KEY), "body={}");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void connectionRefused(String client) throws Exception {
    String url = "http://127.0.0.1:" + api.closedPort + "/v1/projects";
    expectAt(client, "GET", url, "ERROR java.net.ConnectException", "/v1/projects", "network_error", "NONE", "127.0.0.1",
        bearer(TestApi.RW_KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "https"})
  void cancelledWhenTheCallerCancelsTheFuture(String scheme) throws Exception {
    String path = "/v1/errors/" + PROJECT_ID;
    api.api.script().on("GET", path).delay(Duration.ofSeconds(2));
    expectFailure("java-http-client-async", scheme, "GET", path, "/v1/errors/{projectId}", "cancelled",
        bearer(TestApi.RW_KEY), "cancelAfterMs=200");
  }

  private static String bearer(String key) {
    return "header=Authorization:Bearer%20" + key;
  }

  private void expect(String client, String scheme, String method, String path, String answer, String endpoint,
      String category, String status, String... options) throws Exception {
    String url = api.baseUrl(scheme) + path;
    expectAt(client, method, url, answer, endpoint, category, status, host(scheme), options);
  }

  private void expectFailure(String client, String scheme, String method, String path, String endpoint,
      String category, String... options) throws Exception {
    String url = api.baseUrl(scheme) + path;
    expectAt(client, method, url, "ERROR", endpoint, category, "NONE", host(scheme), options);
  }

  private static String host(String scheme) {
    return scheme.equals("https") ? "localhost" : "127.0.0.1";
  }

  /** Makes the call and asserts that it, and nothing else, was recorded with these labels. */
  private void expectAt(String client, String method, String url, String answer, String endpoint, String category,
      String status, String serverAddress, String... options) throws Exception {
    String clientTag = client.equals("java-http-client-async") ? "java-http-client" : client;
    String[] labels = {"client", clientTag, "method", method, "endpoint", endpoint, "error_category", category,
        "status", status, "server_address", serverAddress, "resend", "false"};
    PrometheusScrape before = app.scrape();
    String actual = app.call(client, method, url, options);
    assertTrue(actual.startsWith(answer), () -> "the application saw " + actual + ", expected " + answer);
    PrometheusScrape after = awaitChange(before, clientTag);
    assertEquals(1, after.requests(labels) - before.requests(labels), () -> "one sample with " + String.join(",", labels)
        + " in:\n" + after.text());
    assertEquals(1, after.requests("client", clientTag) - before.requests("client", clientTag),
        "exactly one sample for the call, whatever its labels");
  }

  /** Async clients end the attempt in a callback that may run just after the caller got its answer. */
  private static PrometheusScrape awaitChange(PrometheusScrape before, String clientTag) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    PrometheusScrape after = app.scrape();
    while (after.requests("client", clientTag) == before.requests("client", clientTag) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      after = app.scrape();
    }
    Thread.sleep(50);
    return app.scrape();
  }
}
