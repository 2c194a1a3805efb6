package dev.currents.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    private final Scrape scrape = Scrape.parse(Fixtures.smallScrape());

    @Test
    void requestsSectionGivesContextThenOneRowPerClientRouteStatusAndCategory() {
        List<String> lines = new RequestsSection().lines(scrape, 100);
        assertEquals(List.of(
                "8 requests over 2 clients (java-http-client 5, http-url-connection 3), 4 routes, 2 hosts (127.0.0.1,",
                "localhost); resends 0; service.name unknown_service:java; faults inside the agent",
                "(currents_agent_errors_total): 0.",
                "",
                "client               request                                     status  error category     count",
                "-------------------  ------------------------------------------  ------  -----------------  -----",
                "java-http-client     GET /v1/projects/{projectId}/pull-requests  NONE    timeout                1",
                "                     GET /v1/projects/{projectId}/runs           200     ok                     2",
                "                     GET /v1/projects/{projectId}/runs           429     too_many_requests      2",
                "http-url-connection  POST /runs                                  401     unauthorized           1",
                "                     GET /v1/runs/{runId}                        200     ok                     1",
                "                     GET /v1/runs/{runId}                        302     redirect               1"),
                lines);
    }

    @Test
    void categoryTotalsFollowTheSpecsOrderAndNameWhatDidNotOccur() {
        List<String> lines = new CategoryTotalsSection().lines(scrape, 100);
        assertEquals(List.of(
                "error category     java-http-client  http-url-connection  total",
                "-----------------  ----------------  -------------------  -----",
                "ok                                2                    1      3",
                "redirect                          .                    1      1",
                "unauthorized                      .                    1      1",
                "too_many_requests                 2                    .      2",
                "timeout                           1                    .      1",
                "-----------------  ----------------  -------------------  -----",
                "all                               5                    3      8",
                "",
                "Not seen: bad_request, request_failed, forbidden, not_found, conflict, client_error, server_error,"
                        + " network_error, cancelled."),
                lines);
    }

    @Test
    void sayWhenTheAgentsFaultCounterIsMissing() {
        Scrape withoutFaults = Scrape.parse(Fixtures.series("java-http-client", "GET", "/v1/projects", "200", "ok",
                "localhost", 1));
        String context = RequestsSection.context(RequestCounts.from(withoutFaults), withoutFaults);
        assertTrue(context.startsWith("1 request over 1 client (java-http-client 1), 1 route, 1 host (localhost)"),
                context);
        assertTrue(context.endsWith("faults inside the agent (currents_agent_errors_total): not in the scrape."),
                context);
    }

    @Test
    void anEmptyScrapeSaysSoAndSkipsTheTotals() {
        Scrape empty = Scrape.parse("# nothing yet\n");
        assertEquals(List.of("No requests recorded: the agent saw no call to an instrumented host."),
                new RequestsSection().lines(empty, 100));
        assertEquals(List.of(), new CategoryTotalsSection().lines(empty, 100));
    }

    @Test
    void summaryPrintsEachNonEmptySectionUnderItsTitle() {
        SummarySection backoff = new SummarySection() {
            @Override
            public String title() {
                return "Backoff";
            }

            @Override
            public List<String> lines(Scrape s, int width) {
                return List.of("retries " + Math.round(s.sum("currents_api_retry_chains_total")));
            }
        };
        SummarySection nothing = new SummarySection() {
            @Override
            public String title() {
                return "Nothing";
            }

            @Override
            public List<String> lines(Scrape s, int width) {
                return List.of();
            }
        };
        String text = new Summary(List.of(new RequestsSection(), nothing, backoff), 72).render(scrape);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("== Requests recorded by the agent"), lines.get(0));
        assertEquals("== Backoff " + "=".repeat(61), lines.get(lines.size() - 2));
        assertEquals("retries 0", lines.get(lines.size() - 1));
        assertFalse(text.contains("Nothing"));
        lines.stream().filter(line -> !line.startsWith("==")).forEach(line -> assertTrue(line.length() <= 72, line));
    }

    @Test
    void agreementHoldsTheAgentAgainstWhatTheApplicationSaw() {
        AgreementSection same = new AgreementSection(Map.of(
                new AgreementSection.Key("java-http-client", "GET /v1/projects/{projectId}/runs", "ok"), 2L,
                new AgreementSection.Key("java-http-client", "GET /v1/projects/{projectId}/runs", "too_many_requests"), 2L,
                new AgreementSection.Key("java-http-client", "GET /v1/projects/{projectId}/pull-requests", "timeout"), 1L,
                new AgreementSection.Key("http-url-connection", "POST /runs", "unauthorized"), 1L,
                new AgreementSection.Key("http-url-connection", "GET /v1/runs/{runId}", "ok"), 1L,
                new AgreementSection.Key("http-url-connection", "GET /v1/runs/{runId}", "redirect"), 1L));
        assertTrue(same.agrees(scrape));
        assertTrue(same.lines(scrape, 100).get(0).startsWith("OK: each of the 8 requests the application made"));

        AgreementSection different = new AgreementSection(Map.of(
                new AgreementSection.Key("java-http-client", "GET /v1/projects/{projectId}/runs", "ok"), 4L,
                new AgreementSection.Key("java-http-client", "GET /v1/projects/{projectId}/pull-requests", "cancelled"), 1L,
                new AgreementSection.Key("http-url-connection", "POST /runs", "unauthorized"), 1L,
                new AgreementSection.Key("http-url-connection", "GET /v1/runs/{runId}", "ok"), 1L,
                new AgreementSection.Key("http-url-connection", "GET /v1/runs/{runId}", "redirect"), 1L));
        assertFalse(different.agrees(scrape));
        assertEquals(List.of(
                "MISMATCH: the agent's counts differ from the 8 requests the application made:",
                "client            request                                     error category     app saw  agent",
                "----------------  ------------------------------------------  -----------------  -------  -----",
                "java-http-client  GET /v1/projects/{projectId}/pull-requests  timeout                  0      1",
                "java-http-client  GET /v1/projects/{projectId}/pull-requests  cancelled                1      0",
                "java-http-client  GET /v1/projects/{projectId}/runs           ok                       4      2",
                "java-http-client  GET /v1/projects/{projectId}/runs           too_many_requests        0      2"),
                different.lines(scrape, 100));
    }
}
