package dev.currents.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the simulated API with the JDK's two HTTP clients, over HTTP and HTTPS, as applications will. */
class SimulatedCurrentsApiTest {
    static final String RW = "rw-key-1";
    static final String RO = "ro-key-1";
    static final String RECORD = "record-key-1";
    static final String THROTTLED = "throttled-key";
    static final String RUN_ID = "0123456789abcdef0123456789abcdef";

    static SimulatedCurrentsApi api;
    static HttpClient client;

    @BeforeAll
    static void start() {
        api = SimulatedCurrentsApi.builder()
                .readWriteKeys(RW, THROTTLED).readOnlyKeys(RO).recordKeys(RECORD)
                .rateLimit(THROTTLED, RateLimit.tokenBucket(2, 0).throttle(Throttle.RETRY_AFTER_SECONDS, 3))
                .start();
        client = newClient();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void reset() {
        api.reset();
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().sslContext(api.clientSslContext())
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    static HttpResponse<String> send(String method, String url, String apiKey) throws Exception {
        return send(client, method, url, apiKey, "{}");
    }

    static HttpResponse<String> send(HttpClient client, String method, String url, String apiKey, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send("GET", api.httpBaseUrl() + path, RW);
    }

    static List<String> all(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.groupCount() == 0 ? matcher.group() : matcher.group(1));
        }
        return found;
    }

    static void assertRestError(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.body().matches("\\{\"status\":\"FAILED\",\"error\":\"[^\"]+\".*}"), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    static void assertRecordingError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(response.body().matches(
                "\\{\"message\":\"[^\"]+\",\"errors\":\\[\"[^\"]+\"],\"code\":\"" + code + "\"}"), response.body());
    }

    @Nested
    class Routes {
        @Test
        void everyRouteAnswersSuccessWithItsServicesShape() throws Exception {
            List<Route> routes = RouteTable.currentsApi().routes();
            assertTrue(routes.size() >= 50, "all documented routes: " + routes.size());
            for (Route route : routes) {
                String path = route.template
                        .replace("{runId}", RUN_ID)
                        .replace("{hookId}", "4f0b6a55-3c2d-4e7f-9a1b-2c3d4e5f6a7b")
                        .replaceAll("\\{[^}]+}", "bAYZ41");
                String url = api.httpBaseUrl() + path + "?projectId=bAYZ41";
                HttpResponse<String> response = route.service == Service.REST
                        ? send(client, route.method, url, RW, "{}")
                        : send(client, route.method, url, null, "{\"recordKey\":\"" + RECORD + "\"}");
                assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                        route + " -> " + response.statusCode() + " " + response.body());
                if (route.service == Service.REST) {
                    assertTrue(response.body().startsWith("{\"status\":\"OK\""), route + ": " + response.body());
                } else {
                    assertFalse(response.body().contains("\"status\""), route + ": " + response.body());
                }
            }
        }

        @Test
        void cursorListWalksTheWholeCollectionWithCursorsAndHasMore() throws Exception {
            Set<String> projectIds = new HashSet<>();
            String after = null;
            int pages = 0;
            boolean hasMore = true;
            while (hasMore) {
                String body = get("/v1/projects?limit=10" + (after == null ? "" : "&starting_after=" + after)).body();
                List<String> cursors = all("\"cursor\":\"([0-9a-f]{24})\"", body);
                List<String> ids = all("\"projectId\":\"([A-Za-z0-9]{6})\"", body);
                assertEquals(ids.size(), cursors.size(), body);
                projectIds.addAll(ids);
                after = cursors.get(cursors.size() - 1);
                hasMore = body.startsWith("{\"status\":\"OK\",\"has_more\":true");
                pages++;
            }
            assertEquals(3, pages);
            assertEquals(RestApiRoutes.PROJECTS, projectIds.size());
        }

        @Test
        void endingBeforeReturnsThePrecedingPage() throws Exception {
            List<String> firstPage = all("\"cursor\":\"([0-9a-f]{24})\"", get("/v1/projects?limit=4").body());
            String before = get("/v1/projects?limit=2&ending_before=" + firstPage.get(3)).body();
            assertEquals(firstPage.subList(1, 3), all("\"cursor\":\"([0-9a-f]{24})\"", before));
            assertTrue(before.contains("\"has_more\":true"), before);
        }

        @Test
        void offsetListAnswersNextPageAndTotal() throws Exception {
            String first = get("/v1/spec-files/bAYZ41?page=0&limit=15").body();
            assertTrue(first.matches("\\{\"status\":\"OK\",\"data\":\\{\"list\":\\[.*],\"nextPage\":1,\"total\":40}}"), first);
            assertEquals(15, all("\"spec\":", first).size());
            String last = get("/v1/spec-files/bAYZ41?page=2&limit=15").body();
            assertTrue(last.endsWith("\"nextPage\":false,\"total\":40}}"), last);
            assertEquals(10, all("\"spec\":", last).size());
        }

        @Test
        void badPaginationIsA400() throws Exception {
            assertRestError(get("/v1/projects?limit=51"), 400);
            assertRestError(get("/v1/projects?limit=abc"), 400);
            assertRestError(get("/v1/projects?starting_after=nope"), 400);
            assertRestError(get("/v1/tests/bAYZ41?page=-1"), 400);
        }

        @Test
        void identifiersHaveTheDocumentedShapes() throws Exception {
            String runs = get("/v1/projects/bAYZ41/runs?limit=3").body();
            assertEquals(3, all("\"runId\":\"[0-9a-f]{32}\"", runs).size(), runs);
            String hooks = get("/v1/webhooks?projectId=bAYZ41").body();
            assertEquals(3, all("\"hookId\":\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"", hooks).size());
            assertEquals(get("/v1/projects/bAYZ41/runs?limit=3").body(), runs, "reads are deterministic");
        }

        @Test
        void literalRoutesWinOverParameters() throws Exception {
            HttpResponse<String> find = get("/v1/runs/find?projectId=bAYZ41");
            assertEquals(200, find.statusCode(), find.body());
            assertRestError(get("/v1/runs/find"), 400); // the find route's own check, not "run not found"
            assertEquals(1, all("\"signature\":", get("/v1/actions/tests/abc").body()).size());
        }

        @Test
        void unknownResourcesOnKnownRoutesAre404() throws Exception {
            assertRestError(get("/v1/runs/not-a-run-id"), 404);
            assertRestError(get("/v1/webhooks/not-a-uuid"), 404);
        }

        @Test
        void unknownPathIs404WithTheServicesErrorBody() throws Exception {
            HttpResponse<String> rest = get("/v1/no-such-thing");
            assertRestError(rest, 404);
            HttpResponse<String> recording = send(client, "POST", api.httpBaseUrl() + "/runs/x/nothing", null, "{}");
            assertRecordingError(recording, 404, "NOT_FOUND");
        }

        @Test
        void wrongMethodOnKnownPathIs405WithAllow() throws Exception {
            HttpResponse<String> response = send("PATCH", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RW);
            assertRestError(response, 405);
            assertEquals("DELETE, GET", response.headers().firstValue("Allow").orElseThrow());
        }
    }

    @Nested
    class Auth {
        @Test
        void missingOrUnknownApiKeyIs401() throws Exception {
            assertRestError(send("GET", api.httpBaseUrl() + "/v1/projects", null), 401);
            assertRestError(send("GET", api.httpBaseUrl() + "/v1/projects", "no-such-key"), 401);
            HttpRequest basic = HttpRequest.newBuilder(URI.create(api.httpBaseUrl() + "/v1/projects"))
                    .header("Authorization", "Basic " + RW).build();
            assertRestError(client.send(basic, HttpResponse.BodyHandlers.ofString()), 401);
        }

        @Test
        void readOnlyKeyReadsButCannotWrite() throws Exception {
            assertEquals(200, send("GET", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RO).statusCode());
            assertRestError(send("DELETE", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RO), 403);
            assertRestError(send("PUT", api.httpBaseUrl() + "/v1/runs/" + RUN_ID + "/cancel", RO), 403);
            assertRestError(send("POST", api.httpBaseUrl() + "/v1/actions?projectId=bAYZ41", RO), 403);
            assertEquals(200, send("DELETE", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RW).statusCode());
        }

        @Test
        void recordingServiceTakesTheRecordKeyFromBodyOrHeader() throws Exception {
            String url = api.httpBaseUrl() + "/runs";
            assertEquals(200, send(client, "POST", url, null, "{\"ci\":{},\"recordKey\": \"" + RECORD + "\"}").statusCode());
            HttpRequest withHeader = HttpRequest.newBuilder(URI.create(api.httpBaseUrl() + "/instances/abc/stdout"))
                    .header("x-currents-key", RECORD).PUT(HttpRequest.BodyPublishers.ofString("log")).build();
            assertEquals(200, client.send(withHeader, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertRecordingError(send(client, "POST", url, null, "{}"), 401, "UNAUTHORIZED");
            assertRecordingError(send(client, "POST", url, null, "{\"recordKey\":\"wrong\"}"), 401, "UNAUTHORIZED");
            assertRecordingError(send(client, "POST", url, RW, "{}"), 401, "UNAUTHORIZED"); // an API key is no record key
        }
    }

    @Nested
    class RateLimiting {
        @Test
        void emptyBucketAnswers429WithRetryAfterSeconds() throws Exception {
            String url = api.httpBaseUrl() + "/v1/projects";
            assertEquals(200, send("GET", url, THROTTLED).statusCode());
            assertEquals(200, send("GET", url, THROTTLED).statusCode());
            HttpResponse<String> throttled = send("GET", url, THROTTLED);
            assertRestError(throttled, 429);
            assertEquals("3", throttled.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(200, send("GET", url, RW).statusCode(), "other keys have their own limit");
        }

        @Test
        void retryAfterAsHttpDateIsAnImfFixdateAtLeastThatFarAhead() throws Exception {
            api.rateLimit(RW, RateLimit.pattern(0, 1).throttle(Throttle.RETRY_AFTER_HTTP_DATE, 5));
            Instant before = Instant.now();
            HttpResponse<String> throttled = get("/v1/projects");
            assertRestError(throttled, 429);
            String date = throttled.headers().firstValue("Retry-After").orElseThrow();
            assertTrue(date.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), date);
            Instant retryAt = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertFalse(retryAt.isBefore(before.plusSeconds(5).minusMillis(999)), date + " vs " + before);
            assertTrue(retryAt.isBefore(Instant.now().plusSeconds(7)), date);
        }

        @Test
        void noRetryAfterModeSendsABare429() throws Exception {
            api.rateLimit(RW, RateLimit.pattern(0, 1).throttle(Throttle.NO_RETRY_AFTER));
            HttpResponse<String> throttled = get("/v1/projects");
            assertRestError(throttled, 429);
            assertTrue(throttled.headers().firstValue("Retry-After").isEmpty());
        }

        @Test
        void patternPassesThenThrottlesThenPassesForGood() throws Exception {
            api.rateLimit(RW, RateLimit.pattern(2, 3));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                statuses.add(get("/v1/projects").statusCode());
            }
            assertEquals(List.of(200, 200, 429, 429, 429, 200, 200), statuses);
        }

        @Test
        void bucketRefillsOverTime() throws Exception {
            api.rateLimit(RW, RateLimit.tokenBucket(1, 20));
            assertEquals(200, get("/v1/projects").statusCode());
            assertEquals(429, get("/v1/projects").statusCode());
            Thread.sleep(120);
            assertEquals(200, get("/v1/projects").statusCode());
        }

        @Test
        void recordingService429HasItsErrorShape() throws Exception {
            api.rateLimit(RECORD, RateLimit.pattern(0, 1).throttle(Throttle.RETRY_AFTER_SECONDS, 7));
            HttpResponse<String> throttled = send(client, "POST", api.httpBaseUrl() + "/runs", null,
                    "{\"recordKey\":\"" + RECORD + "\"}");
            assertRecordingError(throttled, 429, "TOO_MANY_REQUESTS");
            assertEquals("7", throttled.headers().firstValue("Retry-After").orElseThrow());
        }

        @Test
        void refusedRequestsTakeNoToken() throws Exception {
            api.rateLimit(RO, RateLimit.tokenBucket(1, 0));
            assertEquals(403, send("DELETE", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RO).statusCode());
            assertEquals(200, send("GET", api.httpBaseUrl() + "/v1/projects", RO).statusCode());
        }

        @Test
        void resetRestoresConfiguredLimitsWithFreshState() throws Exception {
            api.rateLimit(RW, RateLimit.pattern(0, 100));
            assertEquals(429, get("/v1/projects").statusCode());
            String url = api.httpBaseUrl() + "/v1/projects";
            send("GET", url, THROTTLED);
            send("GET", url, THROTTLED);
            assertEquals(429, send("GET", url, THROTTLED).statusCode());
            api.reset();
            assertEquals(200, get("/v1/projects").statusCode());
            assertEquals(200, send("GET", url, THROTTLED).statusCode());
        }

        @Test
        void defaultLimitAppliesToKeysWithoutTheirOwn() throws Exception {
            try (SimulatedCurrentsApi other = SimulatedCurrentsApi.builder().readWriteKeys("a", "b")
                    .defaultRateLimit(RateLimit.pattern(1, 1)).rateLimit("b", RateLimit.unlimited()).start()) {
                String url = other.httpBaseUrl() + "/v1/projects";
                assertEquals(List.of(200, 429, 200), List.of(send("GET", url, "a").statusCode(),
                        send("GET", url, "a").statusCode(), send("GET", url, "a").statusCode()));
                assertEquals(List.of(200, 200), List.of(send("GET", url, "b").statusCode(),
                        send("GET", url, "b").statusCode()));
            }
        }
    }

    @Nested
    class Scripting {
        @Test
        void scriptedStatusesUseTheServicesErrorBody() throws Exception {
            for (int status : new int[] {402, 408, 409, 422, 500, 503}) {
                api.script().on("GET", "/v1/projects").respond(status);
                assertRestError(get("/v1/projects"), status);
            }
            api.script().onPath("/runs").respond(422);
            assertRecordingError(send(client, "POST", api.httpBaseUrl() + "/runs", null, "{}"), 422, "HTTP_422");
        }

        @Test
        void scriptedReplyWithBodyAndHeaders() throws Exception {
            api.script().on("POST", "/runs").respond(422,
                    "{\"message\":\"Run is cancelled\",\"errors\":[],\"code\":\"RUN_CANCELLED\"}",
                    Map.of("X-Request-Id", "abc"));
            HttpResponse<String> response = send(client, "POST", api.httpBaseUrl() + "/runs", null, "{}");
            assertEquals(422, response.statusCode());
            assertTrue(response.body().contains("RUN_CANCELLED"));
            assertEquals("abc", response.headers().firstValue("X-Request-Id").orElseThrow());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        }

        @Test
        void redirectWithLocation() throws Exception {
            api.script().on("GET", "/v1/projects").respond(301, "", Map.of("Location", api.httpBaseUrl() + "/v1/projects/bAYZ41"));
            HttpResponse<String> response = get("/v1/projects"); // the JDK client does not follow redirects by default
            assertEquals(301, response.statusCode());
            assertEquals(api.httpBaseUrl() + "/v1/projects/bAYZ41", response.headers().firstValue("Location").orElseThrow());
        }

        @Test
        void timesThenNormalBehaviour() throws Exception {
            api.script().on("GET", "/v1/runs/" + RUN_ID).times(2).respond(503);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(get("/v1/runs/" + RUN_ID).statusCode());
            }
            assertEquals(List.of(503, 503, 200), statuses);
        }

        @Test
        void scriptsForOnePathFormAQueue() throws Exception {
            api.script().onPath("/v1/projects").respond(500);
            api.script().onPath("/v1/projects").respond(502);
            assertEquals(List.of(500, 502, 200), List.of(get("/v1/projects").statusCode(),
                    get("/v1/projects").statusCode(), get("/v1/projects").statusCode()));
        }

        @Test
        void stickyScriptAnswersUntilReset() throws Exception {
            api.script().onPathPrefix("/v1/runs").always().respond(503);
            for (int i = 0; i < 5; i++) {
                assertEquals(503, get("/v1/runs/" + RUN_ID).statusCode());
            }
            assertEquals(503, get("/v1/runs/find?projectId=x").statusCode());
            assertEquals(200, get("/v1/projects").statusCode(), "outside the prefix");
            api.reset();
            assertEquals(200, get("/v1/runs/" + RUN_ID).statusCode());
        }

        @Test
        void methodSpecificScriptLeavesOtherMethodsAlone() throws Exception {
            api.script().onPathPrefix("DELETE", "/v1/runs/").always().respond(409);
            assertEquals(200, get("/v1/runs/" + RUN_ID).statusCode());
            assertRestError(send("DELETE", api.httpBaseUrl() + "/v1/runs/" + RUN_ID, RW), 409);
        }

        @Test
        void scriptsComeBeforeAuthAndRateLimits() throws Exception {
            api.script().onPath("/v1/projects").respond(500);
            assertEquals(500, send("GET", api.httpBaseUrl() + "/v1/projects", null).statusCode());
        }

        @Test
        void delayLongerThanTheClientsTimeoutIsATimeout() throws Exception {
            api.script().on("GET", "/v1/projects").delay(Duration.ofMillis(1500));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.httpBaseUrl() + "/v1/projects"))
                    .header("Authorization", "Bearer " + RW).timeout(Duration.ofMillis(300)).build();
            assertThrows(HttpTimeoutException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
            assertEquals(1, api.received().size());
        }

        @Test
        void delayShorterThanTheTimeoutStillAnswersNormally() throws Exception {
            api.script().onPathPrefix("/v1/projects").after(Duration.ofMillis(300)).respond(503);
            long start = System.nanoTime();
            HttpResponse<String> response = get("/v1/projects");
            assertEquals(503, response.statusCode());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
        }

        @Test
        void delayedAnswerOverHttpUrlConnectionReadTimeout() throws Exception {
            api.script().on("GET", "/v1/projects").always().delay(Duration.ofMillis(1500));
            HttpURLConnection connection = (HttpURLConnection) new URL(api.httpBaseUrl() + "/v1/projects").openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + RW);
            connection.setReadTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, connection::getResponseCode);
        }

        @Test
        void resetIsAnIoErrorForTheJdkHttpClient() throws Exception {
            for (String base : List.of(api.httpBaseUrl(), api.httpsBaseUrl())) {
                api.script().on("GET", "/v1/projects").always().resetConnection();
                IOException error = assertThrows(IOException.class,
                        () -> send(newClient(), "GET", base + "/v1/projects", RW, ""));
                assertFalse(error instanceof HttpTimeoutException);
                assertTrue(api.received().stream().allMatch(r -> r.status() == ReceivedRequest.NO_RESPONSE));
                api.reset();
            }
        }

        @Test
        void resetIsAConnectionResetForHttpUrlConnection() throws Exception {
            api.script().on("GET", "/v1/projects").always().resetConnection();
            HttpURLConnection connection = (HttpURLConnection) new URL(api.httpBaseUrl() + "/v1/projects").openConnection();
            connection.setRequestProperty("Authorization", "Bearer " + RW);
            IOException error = assertThrows(IOException.class, connection::getResponseCode);
            assertTrue(String.valueOf(error.getMessage()).toLowerCase().contains("reset"), error.toString());
        }

        @Test
        void closeWithoutAnswerIsAnIoErrorOverHttpAndHttps() throws Exception {
            for (String base : List.of(api.httpBaseUrl(), api.httpsBaseUrl())) {
                api.script().on("GET", "/v1/projects").always().closeConnection();
                IOException error = assertThrows(IOException.class,
                        () -> send(newClient(), "GET", base + "/v1/projects", RW, ""));
                assertFalse(error instanceof HttpTimeoutException);
                api.reset();
            }
        }

        @Test
        void oneShotResetThenNormalBehaviour() throws Exception {
            api.script().on("POST", "/v1/actions").resetConnection();
            String url = api.httpBaseUrl() + "/v1/actions?projectId=bAYZ41";
            assertThrows(IOException.class, () -> send(newClient(), "POST", url, RW, "{}"));
            assertEquals(201, send("POST", url, RW).statusCode());
        }

        /** Worth knowing for the agent: the JDK client resends an idempotent request once, at once, by itself. */
        @Test
        void jdkClientSilentlyResendsAGetAfterAReset() throws Exception {
            api.script().on("GET", "/v1/projects").resetConnection();
            assertEquals(200, send(newClient(), "GET", api.httpBaseUrl() + "/v1/projects", RW, "").statusCode());
            assertEquals(List.of(ReceivedRequest.NO_RESPONSE, 200),
                    api.received().stream().map(ReceivedRequest::status).collect(Collectors.toList()));
        }
    }

    @Nested
    class Transport {
        @Test
        void jdkClientWithDefaultVersionFallsBackToHttp11OverBothSchemes() throws Exception {
            HttpClient defaultVersion = newClient();
            assertEquals(HttpClient.Version.HTTP_2, defaultVersion.version());
            for (String base : List.of(api.httpBaseUrl(), api.httpsBaseUrl(), "https://127.0.0.1:" + api.httpsPort())) {
                HttpResponse<String> response = send(defaultVersion, "GET", base + "/v1/projects", RW, "");
                assertEquals(200, response.statusCode(), base);
                assertEquals(HttpClient.Version.HTTP_1_1, response.version(), base);
            }
            assertEquals("h2c", api.received().get(0).header("Upgrade").orElseThrow(), "the client did try h2c");
            assertEquals(List.of("http", "https", "https"),
                    api.received().stream().map(ReceivedRequest::scheme).collect(Collectors.toList()));
        }

        @Test
        void keepAliveReusesOneConnectionForBothClientsAndSchemes() throws Exception {
            HttpClient oneClient = newClient();
            for (String base : List.of(api.httpBaseUrl(), api.httpsBaseUrl())) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(200, send(oneClient, "GET", base + "/v1/projects", RW, "").statusCode());
                }
            }
            for (int i = 0; i < 3; i++) {
                HttpURLConnection connection = (HttpURLConnection) new URL(api.httpBaseUrl() + "/v1/projects").openConnection();
                connection.setRequestProperty("Authorization", "Bearer " + RW);
                assertEquals(200, connection.getResponseCode());
                try (InputStream body = connection.getInputStream()) {
                    body.readAllBytes(); // a fully read body returns the connection to the keep-alive cache
                }
            }
            List<Integer> ports = api.received().stream().map(ReceivedRequest::clientPort).collect(Collectors.toList());
            assertEquals(9, ports.size());
            for (int group = 0; group < 3; group++) {
                assertEquals(1, Set.copyOf(ports.subList(group * 3, group * 3 + 3)).size(), "ports " + ports);
            }
            assertNotEquals(ports.get(0), ports.get(3));
        }

        @Test
        void errorAnswersKeepTheConnectionOpenSoRetriesReuseIt() throws Exception {
            api.rateLimit(RW, RateLimit.pattern(2, 1));
            api.script().on("GET", "/v1/projects").respond(503);
            HttpClient oneClient = newClient();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) { // 503 (script), 200, 200, 429
                statuses.add(send(oneClient, "GET", api.httpBaseUrl() + "/v1/projects", RW, "").statusCode());
            }
            assertEquals(List.of(503, 200, 200, 429), statuses);
            assertEquals(1, api.received().stream().map(ReceivedRequest::clientPort).distinct().count());
        }

        @Test
        void trustStoreFileLetsHttpsUrlConnectionTrustTheServer(@TempDir Path dir) throws Exception {
            Path trustStore = api.writeTrustStore(dir, "changeit");
            assertTrue(Files.size(trustStore) > 0);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                store.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            for (String host : List.of("localhost", "127.0.0.1")) {
                HttpsURLConnection connection = (HttpsURLConnection)
                        new URL("https://" + host + ":" + api.httpsPort() + "/v1/projects").openConnection();
                connection.setSSLSocketFactory(context.getSocketFactory());
                connection.setRequestProperty("Authorization", "Bearer " + RW);
                assertEquals(200, connection.getResponseCode(), host);
                try (InputStream body = connection.getInputStream()) {
                    assertTrue(new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("{\"status\":\"OK\""));
                }
            }
        }

        @Test
        void fiftyConcurrentClientsAreAllAnsweredAndCountedExactly() throws Exception {
            int threads = 50;
            int perThread = 10;
            api.rateLimit(RW, RateLimit.tokenBucket(100, 0));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    String base = t % 2 == 0 ? api.httpBaseUrl() : api.httpsBaseUrl();
                    results.add(pool.submit(() -> {
                        go.await();
                        List<Integer> statuses = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            statuses.add(send(client, "GET", base + "/v1/runs/" + RUN_ID, RW, "").statusCode());
                        }
                        return statuses;
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<List<Integer>> result : results) {
                    statuses.addAll(result.get(20, TimeUnit.SECONDS));
                }
                assertEquals(threads * perThread, statuses.size());
                assertEquals(100, statuses.stream().filter(s -> s == 200).count(), "exactly the bucket's tokens");
                assertEquals(400, statuses.stream().filter(s -> s == 429).count());
                assertEquals(threads * perThread, api.received().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Received {
        @Test
        void recordsWhatArrivedWithoutCredentials() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.httpsBaseUrl() + "/v1/projects?limit=2"))
                    .header("Authorization", "Bearer " + RW).header("traceparent", "00-abc-def-01").build();
            client.send(request, HttpResponse.BodyHandlers.ofString());
            send(client, "POST", api.httpBaseUrl() + "/runs", null, "{\"recordKey\":\"" + RECORD + "\"}");
            HttpRequest withKeyHeader = HttpRequest.newBuilder(URI.create(api.httpBaseUrl() + "/instances/i1/stdout"))
                    .header("X-Currents-Key", RECORD).PUT(HttpRequest.BodyPublishers.ofString("x")).build();
            client.send(withKeyHeader, HttpResponse.BodyHandlers.ofString());

            List<ReceivedRequest> received = api.received();
            assertEquals(3, received.size());
            ReceivedRequest first = received.get(0);
            assertEquals("GET", first.method());
            assertEquals("/v1/projects", first.path());
            assertEquals("limit=2", first.query());
            assertEquals("https", first.scheme());
            assertEquals(200, first.status());
            assertEquals(ReceivedRequest.REDACTED, first.header("authorization").orElseThrow());
            assertEquals("00-abc-def-01", first.header("Traceparent").orElseThrow());
            assertEquals(ReceivedRequest.REDACTED, received.get(2).header("x-currents-key").orElseThrow());
            assertTrue(received.get(1).bodyBytes() > 0);
            String everything = received.toString() + received.stream().map(r -> r.headers().toString())
                    .collect(Collectors.joining());
            assertFalse(everything.contains(RW) || everything.contains(RECORD), everything);

            api.clearReceived();
            assertTrue(api.received().isEmpty());
        }

        @Test
        void receivedTimesAllowMeasuringAClientsBackoff() throws Exception {
            get("/v1/projects");
            Thread.sleep(200);
            get("/v1/projects");
            List<ReceivedRequest> received = api.received();
            assertTrue(Duration.between(received.get(0).receivedAt(), received.get(1).receivedAt()).toMillis() >= 190);
        }
    }

    @Test
    void startsFastOnFreePortsAndClosesCleanly() throws Exception {
        long start = System.nanoTime();
        SimulatedCurrentsApi other = SimulatedCurrentsApi.builder().readWriteKeys("k").start();
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(startMillis < 2000, "started in " + startMillis + " ms");
        assertNotEquals(api.httpPort(), other.httpPort());
        HttpClient trusting = HttpClient.newBuilder().sslContext(other.clientSslContext()).build();
        assertEquals(200, send(trusting, "GET", other.httpsBaseUrl() + "/v1/projects", "k", "").statusCode());
        other.close();
        IOException refused = assertThrows(IOException.class,
                () -> send(newClient(), "GET", other.httpBaseUrl() + "/v1/projects", "k", ""));
        assertInstanceOf(java.net.ConnectException.class, refused);
    }
}
