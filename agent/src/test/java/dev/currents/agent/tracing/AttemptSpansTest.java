package dev.currents.agent.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.common.backoff.BackoffSettings;
import dev.currents.agent.common.backoff.RetryChains;
import dev.currents.agent.metrics.BackoffMetrics;
import dev.currents.agent.metrics.RequestMetrics;
import dev.currents.agent.telemetry.MeterLabels;
import dev.currents.agent.telemetry.TelemetryRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The span of each attempt, as the recorder makes it from what an instrumentation reports (SPEC section 6). */
class AttemptSpansTest {

  private static final String RUN = "https://api.currents.dev/v1/runs/r1";

  private final CapturingExporter exported = new CapturingExporter();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

  @AfterEach
  void uninstall() {
    CurrentsRequests.install(HostFilter.parse(""), AttemptRecorder.NONE);
  }

  @Test
  void anOkResponseHasTheHttpConventionsAndTheAgentsAttributes() {
    record(false);
    long before = System.currentTimeMillis();
    Attempt attempt = CurrentsRequests.start("java-http-client", "GET", URI.create(RUN + "?limit=5"), Map.of("Authorization", "Bearer k"), Map::get, null);
    CurrentsRequests.end(attempt, 200, null, null);

    SpanData span = onlySpan();
    assertEquals("GET /v1/runs/{runId}", span.getName());
    assertEquals(SpanKind.CLIENT, span.getKind());
    assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
    assertEquals(
        Map.of(
            "http.request.method", "GET",
            "http.response.status_code", 200L,
            "server.address", "api.currents.dev",
            "server.port", 443L,
            "url.full", RUN + "?limit=5",
            "url.template", "/v1/runs/{runId}",
            "currents.client", "java-http-client",
            "currents.error.category", "ok",
            "currents.error.retryable", false),
        byName(span.getAttributes()));
    assertFalse(span.getParentSpanContext().isValid(), "without an application span, a trace of its own");
    assertTrue(span.getStartEpochNanos() >= TimeUnit.MILLISECONDS.toNanos(before - 1000));
    assertTrue(span.getEndEpochNanos() >= span.getStartEpochNanos());
  }

  @Test
  void aRateLimitedResponseIsAnErrorWithItsRetryAfterAndAnEvent() {
    record(false);
    CurrentsRequests.end(CurrentsRequests.start("okhttp", "POST", URI.create(RUN + "/cancel"), null, null, null), 429, Map.of("Retry-After", "2"), Map::get);

    SpanData span = onlySpan();
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    assertEquals("429: rate limited; back off exponentially", span.getStatus().getDescription());
    assertEquals("429", attribute(span, "error.type"));
    assertEquals("too_many_requests", attribute(span, "currents.error.category"));
    assertEquals(true, attribute(span, "currents.error.retryable"));
    assertEquals(2.0, attribute(span, "currents.retry_after"));
    assertEquals(1, span.getEvents().size());
    assertEquals("currents.rate_limited", span.getEvents().get(0).getName());
    assertEquals(span.getEndEpochNanos(), span.getEvents().get(0).getEpochNanos());
  }

  @Test
  void aRetryIsASpanOfItsOwnWithItsResendCountAndBackoff() {
    record(false);
    CurrentsRequests.end(CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), Map.of("Authorization", "Bearer k"), Map::get, null), 503, null, null);
    CurrentsRequests.end(CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), Map.of("Authorization", "Bearer k"), Map::get, null), 200, null, null);

    assertEquals(2, exported.spans.size());
    SpanData first = exported.spans.get(0);
    SpanData retry = exported.spans.get(1);
    assertNull(attribute(first, "http.request.resend_count"), "only retries have a resend count");
    assertNull(attribute(first, "currents.backoff.delay"));
    assertEquals(1L, attribute(retry, "http.request.resend_count"));
    assertTrue((double) attribute(retry, "currents.backoff.delay") >= 0);
    assertEquals(false, attribute(retry, "currents.backoff.compliant"), "an immediate retry has no backoff");
    assertEquals("503", attribute(first, "error.type"));
  }

  @Test
  void aFailureIsNamedByTheExceptionItWraps() {
    record(false);
    Attempt attempt = CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), null, null, null);
    CurrentsRequests.fail(attempt, new CompletionException(new ConnectException("refused")));

    SpanData span = onlySpan();
    assertEquals("java.net.ConnectException", attribute(span, "error.type"));
    assertEquals("network_error", attribute(span, "currents.error.category"));
    assertNull(attribute(span, "http.response.status_code"));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
  }

  @Test
  void theUrlHasNoUserInfoAndNoCredentialValues() {
    record(false);
    URI uri = URI.create("https://user:password@api.currents.dev:8443/v1/runs/r1?apiKey=secret&limit=1");
    CurrentsRequests.end(CurrentsRequests.start("java-http-client", "GET", uri, Map.of("Authorization", "Bearer secret"), Map::get, null), 200, null, null);

    SpanData span = onlySpan();
    assertEquals("https://api.currents.dev:8443/v1/runs/r1?apiKey=REDACTED&limit=1", attribute(span, "url.full"));
    assertFalse(span.toString().contains("secret"), span::toString);
    assertFalse(span.toString().contains("password"), span::toString);
  }

  @Test
  void theSpanIsAChildOfTheApplicationsCurrentSpan() {
    record(false);
    // In these tests the application's API is the agent's own, unrelocated: reading it works the same.
    Span application =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new CapturingExporter()))
            .build()
            .get("application")
            .spanBuilder("checkout")
            .startSpan();
    try (Scope ignored = application.makeCurrent()) {
      CurrentsRequests.end(CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), null, null, null), 200, null, null);
    }

    SpanData span = onlySpan();
    assertEquals(application.getSpanContext().getTraceId(), span.getTraceId());
    assertEquals(application.getSpanContext().getSpanId(), span.getParentSpanId());
  }

  @Test
  void anAttemptStartedOnAnotherThreadIsAChildOfTheSpanCapturedWhenTheRequestWasMade() throws Exception {
    record(false);
    Span application = applicationSpan("checkout");
    Object captured;
    try (Scope ignored = application.makeCurrent()) {
      captured = CurrentsRequests.currentParent();
    }
    // Started where another span is current (an event loop's, say): the captured parent wins.
    Span elsewhere = applicationSpan("event loop");
    Thread loop =
        new Thread(
            () -> {
              try (Scope ignored = elsewhere.makeCurrent()) {
                CurrentsRequests.end(CurrentsRequests.start("reactor-netty", "GET", URI.create(RUN), null, null, captured), 200, null, null);
              }
            });
    loop.start();
    loop.join();

    SpanData span = onlySpan();
    assertEquals(application.getSpanContext().getTraceId(), span.getTraceId());
    assertEquals(application.getSpanContext().getSpanId(), span.getParentSpanId());
  }

  @Test
  void nothingIsCapturedWithoutACurrentSpanOrWithoutSpans() {
    record(false);
    assertNull(CurrentsRequests.currentParent(), "no span current");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackoffMetrics backoff = new BackoffMetrics(registry);
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new TelemetryRecorder(
            RouteTemplates.currents(),
            new RequestMetrics(registry),
            backoff,
            new RetryChains<>(BackoffSettings.defaults(), backoff),
            null));
    try (Scope ignored = applicationSpan("checkout").makeCurrent()) {
      assertNull(CurrentsRequests.currentParent(), "no spans made");
    }
  }

  /** A span of the application's own SDK (in these tests its API is the agent's, unrelocated). */
  private static Span applicationSpan(String name) {
    return SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(new CapturingExporter()))
        .build()
        .get("application")
        .spanBuilder(name)
        .startSpan();
  }

  @Test
  void withPropagationTheAttemptCarriesItsSpanAsTraceparent() {
    record(true);
    Attempt attempt = CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), null, null, null);
    CurrentsRequests.end(attempt, 200, null, null);

    SpanData span = onlySpan();
    assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex(),
        attempt.traceparent());
  }

  @Test
  void withoutPropagationTheRequestIsLeftAlone() {
    record(false);
    Attempt attempt = CurrentsRequests.start("java-http-client", "GET", URI.create(RUN), null, null, null);
    assertNull(attempt.traceparent());
    Object request = new Object();
    assertEquals(request, CurrentsRequests.propagate(attempt, request));
  }

  private void record(boolean propagate) {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackoffMetrics backoff = new BackoffMetrics(registry);
    RetryChains<MeterLabels> chains = new RetryChains<>(BackoffSettings.defaults(), backoff);
    AttemptSpans spans = new AttemptSpans(provider.get("test"), new ApplicationSpans(), propagate);
    CurrentsRequests.install(
        HostFilter.parse("api.currents.dev"),
        new TelemetryRecorder(RouteTemplates.currents(), new RequestMetrics(registry), backoff, chains, spans));
  }

  private SpanData onlySpan() {
    assertEquals(1, exported.spans.size(), () -> "spans: " + exported.spans);
    return exported.spans.get(0);
  }

  private static Object attribute(SpanData span, String name) {
    return byName(span.getAttributes()).get(name);
  }

  private static Map<String, Object> byName(Attributes attributes) {
    Map<String, Object> byName = new java.util.TreeMap<>();
    for (Map.Entry<AttributeKey<?>, Object> entry : attributes.asMap().entrySet()) {
      byName.put(entry.getKey().getKey(), entry.getValue());
    }
    return byName;
  }
}
