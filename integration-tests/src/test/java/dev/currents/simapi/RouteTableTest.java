package dev.currents.simapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable table = RouteTable.currentsApi();

    private String template(String method, String path) {
        return table.match(method, path).map(match -> match.route().template).orElse("none");
    }

    @Test
    void literalSegmentsWinFromTheLeft() {
        assertEquals("/v1/runs/find", template("GET", "/v1/runs/find"));
        assertEquals("/v1/runs/{runId}", template("GET", "/v1/runs/abc"));
        assertEquals("/v1/actions/tests/{signature}", template("GET", "/v1/actions/tests/tests"));
        assertEquals("/v1/actions/{actionId}/tests", template("GET", "/v1/actions/a1/tests"));
        assertEquals("/v1/runs/cancel-ci/github", template("PUT", "/v1/runs/cancel-ci/github"));
    }

    @Test
    void methodSeparatesTheTwoServicesOnOnePort() {
        assertEquals(Service.RECORDING, table.match("POST", "/v1/runs/cancel").orElseThrow().route().service);
        assertEquals(Service.REST, table.match("GET", "/v1/runs/cancel").orElseThrow().route().service);
        assertEquals(Service.RECORDING, table.match("POST", "/v1/runs").orElseThrow().route().service);
    }

    @Test
    void bindsParameters() {
        assertEquals(Map.of("projectId", "bAYZ41", "jiraIssueKey", "CUR-1"),
                table.match("POST", "/v1/projects/bAYZ41/jira/issues/CUR-1/link").orElseThrow().params());
    }

    @Test
    void unknownPathsAndMethods() {
        assertEquals("none", template("GET", "/v1/runs/abc/def/ghi"));
        assertEquals("none", template("GET", "/v1/runs//cancel"));
        assertTrue(table.methodsFor("/v2/projects").isEmpty());
        assertEquals(Set.of("GET", "PUT", "DELETE"), table.methodsFor("/v1/webhooks/h1"));
    }

    @Test
    void everyDocumentedRouteIsThere() {
        List<String> routes = table.routes().stream().map(Route::toString).toList();
        for (String route : List.of("GET /v1/projects/{projectId}/terms/{termType}", "GET /v1/runs/previous",
                "POST /v1/sessions/{sessionId}/attachments", "POST /v1/share",
                "GET /v1/integrations/jira/projects/{jiraProjectId}/issue-types",
                "PUT /instances/{instanceId}/stdout", "POST /cache/v2/download")) {
            assertTrue(routes.contains(route), route);
        }
        assertEquals(routes.size(), Set.copyOf(routes).size(), "no route twice");
    }
}
