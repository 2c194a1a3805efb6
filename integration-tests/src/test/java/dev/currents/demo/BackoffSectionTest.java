package dev.currents.demo;

import static dev.currents.demo.BackoffFixtures.chain;
import static dev.currents.demo.BackoffFixtures.resends;
import static dev.currents.demo.BackoffFixtures.retry;
import static dev.currents.demo.BackoffFixtures.retryAfter;
import static dev.currents.demo.BackoffFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backoff section: the agent's backoff meters read per route, and said in words. */
class BackoffSectionTest {
    private static final String TOO_MANY = "too_many_requests";
    private static final String ROUTE = "/v1/projects";
    private static final String ROUTE_KEY = "GET " + ROUTE;

    private final Scrape demoRun = Scrape.parse(BackoffFixtures.demoRun());

    @Test
    void aDemoRunReadsAsTheCarefulClientTheHammeringClientAndTheOtherRetries() {
        assertEquals(List.of(
                "Per route, from the agent's backoff meters (currents_api_backoff_*, currents_api_retry_*). A retry",
                "resends a request that failed (429, 5xx, timeout, network error); its wait runs from the end of the",
                "failed attempt to the start of the retry.",
                "",
                "careful client (java-http-client): exponential backoff from 250 ms, never shorter than Retry-After",
                "  GET /v1/projects/{projectId}/insights, after 429 with Retry-After",
                "    retries      3, all compliant: waited 1.01 s, 1.00 s, 1.00 s (mean 1.01 s, max 1.01 s)",
                "    Retry-After  advised 1.00 s on average (3 responses), waited 1.01 s on average",
                "    violations   none",
                "    chain        recovered after 4 attempts in 3.06 s; policy retry_after",
                "  GET /v1/test-results/{signature}, after 429 without Retry-After",
                "    retries      3, all compliant: waited 257 ms, 502 ms, 1.00 s (mean 587 ms, max 1.00 s)",
                "    violations   none",
                "    chain        recovered after 4 attempts in 1.80 s; policy exponential",
                "  verdict: backs off exponentially and honours Retry-After",
                "",
                "hammering client (http-url-connection): resends at once, whatever the server says",
                "  GET /v1/runs/find, after 429 with Retry-After",
                "    retries      3, none compliant: waited 13 ms, 9.0 ms, 3.4 ms (mean 8.4 ms, max 13 ms)",
                "    Retry-After  advised 1.00 s on average (3 responses), waited 8.4 ms on average",
                "    violations   retry_after_ignored 3",
                "    chain        recovered after 4 attempts in 43 ms; policy immediate",
                "  GET /v1/runs/previous, after 429 without Retry-After",
                "    retries      3, none compliant: waited 20 ms, 1.5 ms, 4.4 ms (mean 8.6 ms, max 20 ms)",
                "    violations   no_backoff 3, not_increasing 1",
                "    chain        recovered after 4 attempts in 56 ms; policy immediate",
                "  verdict: hammers: 6 retries without backoff, ignoring Retry-After 3 times",
                "",
                "other retries, by calls of the workload that repeat one that failed just before",
                "  GET /v1/projects (java-http-client), after network error",
                "    retries      1, not compliant: waited 0.7 ms",
                "    violations   no_backoff 1",
                "    chain        still open: no success, no final error, and the agent's window has not passed",
                "    verdict: hammers: 1 retry without backoff",
                "  GET /v1/projects/{projectId}/runs (http-url-connection), after 429 with Retry-After",
                "    retries      1, not compliant: waited 0.7 ms",
                "    Retry-After  advised 10.0 s on average (5 responses), waited 0.7 ms on average",
                "    violations   retry_after_ignored 1",
                "    chain        still open: no success, no final error, and the agent's window has not passed",
                "    verdict: hammers: 1 retry without backoff, ignoring Retry-After once"),
                BackoffSection.of(Plan.steps()).lines(demoRun, 100));
    }

    @Test
    void readsTheMetersOfEachRoute() {
        Map<String, BackoffMeters> routes = BackoffMeters.byRoute(demoRun);
        assertEquals(List.of("GET /v1/projects", "GET /v1/projects/{projectId}/insights",
                "GET /v1/projects/{projectId}/runs", "GET /v1/runs/find", "GET /v1/runs/previous",
                "GET /v1/runs/{runId}", "GET /v1/test-results/{signature}"), List.copyOf(routes.keySet()));

        BackoffMeters careful = routes.get("GET /v1/test-results/{signature}");
        assertEquals(Set.of(TOO_MANY), careful.triggers());
        assertEquals(3, careful.retries());
        assertEquals(Map.of("1", 1L, "2", 1L, "3", 1L), careful.retriesByAttempt());
        assertEquals(List.of("1", "2", "3"), List.copyOf(careful.meanWaitByAttempt().keySet()));
        assertEquals(0.502225363, careful.meanWaitByAttempt().get("2"), 1e-9);
        assertEquals((0.257065705 + 0.502225363 + 1.001399854) / 3, careful.meanWait().orElseThrow(), 1e-9);
        assertEquals(1.001399854, careful.maxWait().orElseThrow(), 1e-9);
        assertEquals(Optional.of(2.0), careful.maxWaitBound(), "the first bound every wait is under");
        assertEquals(Optional.of(0L), careful.retriesWithin(0.1));
        assertEquals(3, careful.compliant());
        assertEquals(0, careful.violationCount());
        assertEquals(Map.of("recovered", 1L), careful.chainsByResult());
        assertEquals(Map.of("exponential", 1L), careful.chainsByPolicy());
        assertEquals(4, careful.chainAttempts());
        assertEquals(1.801833425, careful.chainSeconds().orElseThrow(), 1e-9);
        assertEquals(0, careful.retryAfterCount());
        assertEquals(Optional.empty(), careful.meanRetryAfter());
        assertEquals(Map.of("java-http-client", 3L), careful.resendsByClient());

        BackoffMeters hammering = routes.get("GET /v1/runs/previous");
        assertEquals(Optional.of(3L), hammering.retriesWithin(0.1));
        assertEquals(0, hammering.compliant());
        assertEquals(List.of("no_backoff", "not_increasing"), List.copyOf(hammering.violations().keySet()));

        BackoffMeters poll = routes.get("GET /v1/projects/{projectId}/runs");
        assertEquals(10.0, poll.meanRetryAfter().orElseThrow(), 1e-9);
        assertEquals(5, poll.retryAfterCount());
        assertEquals(0, poll.chainCount());
        assertEquals(Optional.empty(), poll.chainSeconds());

        assertFalse(routes.get("GET /v1/runs/{runId}").hasRetries(), "a Retry-After alone is no retry");
        assertTrue(routes.get("GET /v1/runs/{runId}").meanRetryAfter().isPresent());
    }

    @Test
    void mergesRoutesAsOneClient() {
        Map<String, BackoffMeters> routes = BackoffMeters.byRoute(demoRun);
        BackoffMeters both = routes.get("GET /v1/runs/find").plus(routes.get("GET /v1/runs/previous"));
        assertEquals(6, both.retries());
        assertEquals(Map.of("1", 2L, "2", 2L, "3", 2L), both.retriesByAttempt());
        assertEquals(0.02001227, both.maxWait().orElseThrow(), 1e-9);
        assertEquals(Map.of("retry_after_ignored", 3L, "no_backoff", 3L, "not_increasing", 1L), both.violations());
        assertEquals(Map.of("immediate", 2L), both.chainsByPolicy());
        assertEquals(8, both.chainAttempts());
        assertEquals(3, both.retryAfterCount());
        assertEquals(Map.of("http-url-connection", 6L), both.resendsByClient());
        assertEquals(Optional.of(6L), both.retriesWithin(0.1));
    }

    @Test
    void theVerdictSaysWhatTheWaitsLookedLikeAndWhatWasWrongWithThem() {
        Map<String, BackoffMeters> routes = BackoffMeters.byRoute(demoRun);
        assertEquals("backs off exponentially and honours Retry-After",
                BackoffSection.verdict(routes.get("GET /v1/projects/{projectId}/insights")
                        .plus(routes.get("GET /v1/test-results/{signature}"))));
        assertEquals("honours Retry-After",
                BackoffSection.verdict(routes.get("GET /v1/projects/{projectId}/insights")));
        assertEquals("hammers: 3 retries without backoff", BackoffSection.verdict(routes.get("GET /v1/runs/previous")));
        assertEquals("hammers: 3 retries without backoff, ignoring Retry-After 3 times",
                BackoffSection.verdict(routes.get("GET /v1/runs/find")));

        // BackoffIT's exponential wait against a Retry-After of 2 s.
        assertEquals("backs off exponentially, but ignores Retry-After (3 times)", verdict(
                retry(ROUTE, TOO_MANY, 1, false, 0.15) + retry(ROUTE, TOO_MANY, 2, false, 0.3)
                        + retry(ROUTE, TOO_MANY, 3, false, 0.6) + retryAfter(ROUTE, 3, 2)
                        + violations(ROUTE, TOO_MANY, "retry_after_ignored", 3)
                        + chain(ROUTE, TOO_MANY, "recovered", "exponential", 4, 1.1)));
        // BackoffIT's constant wait of 300 ms.
        assertEquals("waits a constant time, but its waits do not grow on 429 (1 chain)", verdict(
                retry(ROUTE, TOO_MANY, 1, true, 0.3) + retry(ROUTE, TOO_MANY, 2, true, 0.3)
                        + retry(ROUTE, TOO_MANY, 3, false, 0.3) + violations(ROUTE, TOO_MANY, "not_increasing", 1)
                        + chain(ROUTE, TOO_MANY, "recovered", "constant", 4, 0.95)));
        // Some retries wait, some do not.
        assertEquals("waits irregularly, but 1 retry without backoff", verdict(
                retry(ROUTE, "server_error", 1, false, 0.02) + retry(ROUTE, "server_error", 2, true, 2.5)
                        + violations(ROUTE, "server_error", "no_backoff", 1)
                        + chain(ROUTE, "server_error", "failed", "irregular", 3, 2.6)));
        // Retry-After: 0 allows an immediate retry.
        assertEquals("retries at once", verdict(retry(ROUTE, TOO_MANY, 1, true, 0.001)
                + retry(ROUTE, TOO_MANY, 2, true, 0.001) + retryAfter(ROUTE, 2, 0)
                + chain(ROUTE, TOO_MANY, "recovered", "immediate", 3, 0.01)));
        assertEquals("retried once", verdict(retry(ROUTE, "timeout", 1, true, 0.5)
                + chain(ROUTE, "timeout", "recovered", "single", 2, 1.3)));
        assertEquals("2 retries within the rules, chain not finished yet", verdict(
                retry(ROUTE, TOO_MANY, 1, true, 0.2) + retry(ROUTE, TOO_MANY, 2, true, 0.4)));
        assertEquals("no retries recorded", BackoffSection.verdict(new BackoffMeters()));
    }

    @Test
    void severalChainsOnARouteAreSummedAndTheirWaitsAveragedByRetryNumber() {
        String text = retry(ROUTE, TOO_MANY, 1, true, 0.2) + retry(ROUTE, TOO_MANY, 2, true, 0.4)
                + retry(ROUTE, TOO_MANY, 1, true, 0.4) + retry(ROUTE, TOO_MANY, 2, true, 0.8)
                + retry(ROUTE, TOO_MANY, 3, true, 1.6) + retry(ROUTE, TOO_MANY, 5, true, 6.4)
                + chain(ROUTE, TOO_MANY, "recovered", "exponential", 3, 0.7)
                + chain(ROUTE, TOO_MANY, "abandoned", "exponential", 6, 130)
                + chain(ROUTE, "timeout", "failed", "single", 2, 0.5);
        assertEquals(List.of(
                "  GET /v1/projects, after 429 without Retry-After or timeout",
                "    retries      6, all compliant: waited by retry number, on average, 300 ms, 600 ms, 1.60 s, then",
                "                 6.40 s (mean 1.63 s, max 6.40 s)",
                "    violations   none",
                "    chains       3: 1 recovered, 1 failed, 1 abandoned; 11 attempts, 131.2 s in all; policies",
                "                 exponential 2, single 1"),
                BackoffSection.route("GET /v1/projects", meters(text), 100));
    }

    @Test
    void withoutTheTimersMaxTheHistogramBoundsTheLongestWait() {
        String text = (retry(ROUTE, TOO_MANY, 1, true, 0.2) + retry(ROUTE, TOO_MANY, 2, true, 0.3)).lines()
                .filter(line -> !line.startsWith("currents_api_backoff_delay_seconds_max"))
                .map(line -> line + "\n").reduce("", String::concat);
        BackoffMeters m = meters(text);
        assertEquals(Optional.empty(), m.maxWait());
        assertEquals(Optional.of(0.5), m.maxWaitBound());
        assertEquals("2, all compliant: waited 200 ms, 300 ms (mean 250 ms, max at most 500 ms)",
                BackoffSection.retries(m));

        // Micrometer's max decays to 0 once its window has passed: then too the bound it is.
        BackoffMeters decayed = meters(text + "currents_api_backoff_delay_seconds_max{attempt=\"1\",compliant=\"true\","
                + "endpoint=\"/v1/projects\",method=\"GET\",trigger=\"too_many_requests\"} 0.0\n");
        assertEquals(Optional.empty(), decayed.maxWait());
        assertEquals(Optional.of(0.5), decayed.maxWaitBound());
    }

    @Test
    void resendsWithoutBackoffMetersAreShownAsSuch() {
        String text = resends("okhttp", ROUTE, "503", "server_error", 2);
        List<String> lines = new BackoffSection(List.of()).lines(Scrape.parse(text), 100);
        assertEquals(List.of(
                "",
                "other retries",
                "  GET /v1/projects (okhttp)",
                "    retries      none recorded, though 2 requests were tagged resend=\"true\"",
                "    violations   none",
                "    chain        still open: no success, no final error, and the agent's window has not passed",
                "    verdict: no retries recorded"), lines.subList(3, lines.size()));
    }

    @Test
    void failuresNobodyRetriedAreListedOnceTheirChainsAreAbandoned() {
        String text = chain("/v1/runs/{runId}", "server_error", "abandoned", "single", 1, 0.004)
                + chain("/v1/instances/{instanceId}", "timeout", "abandoned", "single", 1, 0.3)
                + retry(ROUTE, "network_error", 1, false, 0.001) + violations(ROUTE, "network_error", "no_backoff", 1)
                + chain(ROUTE, "network_error", "abandoned", "single", 2, 0.01);
        Map<String, BackoffMeters> routes = BackoffMeters.byRoute(Scrape.parse(text));
        assertTrue(routes.get("GET /v1/runs/{runId}").onlyUnretriedFailures());
        assertFalse(routes.get(ROUTE_KEY).onlyUnretriedFailures());
        assertTrue(routes.get(ROUTE_KEY).hasRetries());
        List<String> lines = new BackoffSection(List.of()).lines(Scrape.parse(text), 100);
        assertEquals(List.of(
                "",
                "other retries",
                "  GET /v1/projects, after network error",
                "    retries      1, not compliant: waited 1.0 ms",
                "    violations   no_backoff 1",
                "    chain        abandoned after 2 attempts in 10 ms; policy single",
                "    verdict: hammers: 1 retry without backoff",
                "",
                "not retried (chains abandoned after their first attempt): GET /v1/instances/{instanceId} after",
                "  timeout; GET /v1/runs/{runId} after 5xx"), lines.subList(3, lines.size()));
    }

    @Test
    void aClientWithNothingRecordedSaysSoAndAScrapeWithoutRetriesHasNoSection() {
        BackoffSection section = new BackoffSection(List.of(
                new BackoffSection.Client("careful client", "waits", List.of("GET /v1/runs/find"))));
        List<String> lines = section.lines(Scrape.parse(Fixtures.smallScrape()), 100);
        assertEquals(List.of(
                "",
                "careful client: waits",
                "  GET /v1/runs/find",
                "    no retries recorded",
                "  verdict: no retries recorded"), lines.subList(3, lines.size()));
        assertEquals(List.of(), new BackoffSection(List.of()).lines(Scrape.parse(Fixtures.smallScrape()), 100));
    }

    @Test
    void staysWithinANarrowTerminal() {
        for (int width : new int[] {60, 72, 80}) {
            for (String line : BackoffSection.of(Plan.steps()).lines(demoRun, width)) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
        }
    }

    @Test
    void durationsReadLikeAPersonWritesThem() {
        Map<Double, String> cases = new LinkedHashMap<>();
        cases.put(0.0, "0.0 ms");
        cases.put(7.34011E-4, "0.7 ms");
        cases.put(0.00996, "10 ms");
        cases.put(0.257, "257 ms");
        cases.put(0.9996, "1.00 s");
        cases.put(3.055564877, "3.06 s");
        cases.put(131.2, "131.2 s");
        List<String> actual = new ArrayList<>();
        cases.keySet().forEach(seconds -> actual.add(BackoffSection.duration(seconds)));
        assertEquals(List.copyOf(cases.values()), actual);
    }

    @Test
    void theRetryingClientsOfThePlanHaveRoutesOfTheirOwn() {
        List<Step> steps = Plan.steps();
        BackoffSection section = BackoffSection.of(steps);
        List<String> lines = section.lines(Scrape.parse("# nothing\n"), 100);
        assertTrue(lines.contains("careful client: " + Retrying.CAREFUL.description), String.join("\n", lines));
        assertTrue(lines.contains("hammering client: " + Retrying.HAMMERING.description), String.join("\n", lines));
        Set<String> careful = new HashSet<>();
        Set<String> hammering = new HashSet<>();
        for (Step step : steps) {
            if (step.retrying() == Retrying.CAREFUL) {
                careful.add(step.route());
            } else if (step.retrying() == Retrying.HAMMERING) {
                hammering.add(step.route());
            }
        }
        assertEquals(2, careful.size());
        assertEquals(2, hammering.size());
        careful.retainAll(hammering);
        assertEquals(Set.of(), careful, "the meters tell clients apart by route only");
        // Nor does any other call resend on those routes: a repeated call would count as a retry of theirs.
        Set<String> retryingKeys = Set.of(Plan.CAREFUL_KEY_RETRY_AFTER, Plan.CAREFUL_KEY_BARE,
                Plan.HAMMERING_KEY_RETRY_AFTER, Plan.HAMMERING_KEY_BARE);
        steps.stream().filter(step -> step.retrying() == null).forEach(step -> assertFalse(
                step.credential().isPresent() && retryingKeys.stream().anyMatch(step.credential().value()::endsWith),
                step.label()));
    }

    private static String verdict(String scrape) {
        return BackoffSection.verdict(meters(scrape));
    }

    private static BackoffMeters meters(String scrape) {
        Map<String, BackoffMeters> routes = BackoffMeters.byRoute(Scrape.parse(scrape));
        assertEquals(1, routes.size(), routes.keySet().toString());
        return routes.values().iterator().next();
    }
}
