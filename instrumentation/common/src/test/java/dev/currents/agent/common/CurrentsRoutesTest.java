package dev.currents.agent.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route of currents-routes.md, each with a realistic path. */
class CurrentsRoutesTest {

  private static final String PROJECT = "bAYZ41";
  private static final String RUN = "0c1a3b5d7e9f21436587a9cbedf01234";
  private static final String CURSOR = "64f1c2d3e4b5a69788990a1b";
  private static final String UUID = "3f2b8c1e-9d4a-4e6f-b7a2-1c5d8e9f0a3b";
  private static final String SIGNATURE = "dGVzdCBzaWduYXR1cmU9PQ";

  /** Template, sample path. */
  private static final String[][] ROUTES = {
    // REST API
    {"/v1/projects", "/v1/projects?limit=50&starting_after=" + CURSOR},
    {"/v1/projects/{projectId}", "/v1/projects/" + PROJECT},
    {"/v1/projects/{projectId}/runs", "/v1/projects/" + PROJECT + "/runs?branches[]=main&limit=10"},
    {"/v1/projects/{projectId}/insights", "/v1/projects/" + PROJECT + "/insights?date_start=2024-01-01"},
    {"/v1/projects/{projectId}/pull-requests", "/v1/projects/" + PROJECT + "/pull-requests"},
    {"/v1/projects/{projectId}/terms/{termType}", "/v1/projects/" + PROJECT + "/terms/branch"},
    {"/v1/projects/{projectId}/jira/issues", "/v1/projects/" + PROJECT + "/jira/issues"},
    {
      "/v1/projects/{projectId}/jira/issues/{jiraIssueKey}/link",
      "/v1/projects/" + PROJECT + "/jira/issues/PROJ-1234/link"
    },
    {"/v1/runs/find", "/v1/runs/find?projectId=" + PROJECT + "&ciBuildId=build-42&branch=main"},
    {"/v1/runs/previous", "/v1/runs/previous?projectId=" + PROJECT},
    {"/v1/runs/cancel-ci/github", "/v1/runs/cancel-ci/github"},
    {"/v1/runs/attachments", "/v1/runs/attachments"},
    {"/v1/runs/{runId}", "/v1/runs/" + RUN},
    {"/v1/runs/{runId}/cancel", "/v1/runs/" + RUN + "/cancel"},
    {"/v1/runs/{runId}/reset", "/v1/runs/" + RUN + "/reset"},
    {"/v1/runs/{runId}/attachments", "/v1/runs/" + RUN + "/attachments"},
    {"/v1/instances/{instanceId}", "/v1/instances/" + CURSOR},
    {"/v1/spec-files/{projectId}", "/v1/spec-files/" + PROJECT + "?date_start=2024-01-01&date_end=2024-02-01"},
    {"/v1/tests/{projectId}", "/v1/tests/" + PROJECT + "?page=0&limit=50"},
    {"/v1/errors/{projectId}", "/v1/errors/" + PROJECT},
    {"/v1/test-results/{signature}", "/v1/test-results/" + SIGNATURE + "?limit=10"},
    {"/v1/signature/test", "/v1/signature/test"},
    {"/v1/actions", "/v1/actions?projectId=" + PROJECT},
    {"/v1/actions/tests", "/v1/actions/tests?projectId=" + PROJECT},
    {"/v1/actions/tests/{signature}", "/v1/actions/tests/a1b2c3d4e5f6%2Bg7%3D%3D"},
    {"/v1/actions/{actionId}", "/v1/actions/" + UUID},
    {"/v1/actions/{actionId}/enable", "/v1/actions/" + UUID + "/enable"},
    {"/v1/actions/{actionId}/disable", "/v1/actions/" + UUID + "/disable"},
    {"/v1/actions/{actionId}/tests", "/v1/actions/" + UUID + "/tests"},
    {"/v1/webhooks", "/v1/webhooks?projectId=" + PROJECT},
    {"/v1/webhooks/{hookId}", "/v1/webhooks/" + UUID},
    {"/v1/integrations/jira/projects", "/v1/integrations/jira/projects"},
    {
      "/v1/integrations/jira/projects/{jiraProjectId}/issue-types",
      "/v1/integrations/jira/projects/10001/issue-types"
    },
    {"/v1/sessions", "/v1/sessions"},
    {"/v1/sessions/{sessionId}/attachments", "/v1/sessions/" + CURSOR + "/attachments"},
    {"/v1/share", "/v1/share"},
    // Recording service
    {"/runs", "/runs"},
    {"/runs/{runId}/instances", "/runs/" + RUN + "/instances"},
    {"/runs/{runId}/cy/instances", "/runs/" + RUN + "/cy/instances"},
    {"/instances/{instanceId}/tests", "/instances/" + CURSOR + "/tests"},
    {"/instances/{instanceId}/results", "/instances/" + CURSOR + "/results"},
    {"/instances/{instanceId}/cy/results", "/instances/" + CURSOR + "/cy/results"},
    {"/instances/{instanceId}/stdout", "/instances/" + CURSOR + "/stdout"},
    {"/v1/runs", "/v1/runs"},
    {"/v1/runs/cancel", "/v1/runs/cancel"},
    {"/cache/upload", "/cache/upload"},
    {"/cache/v2/download", "/cache/v2/download"},
    {"/cache/meta", "/cache/meta"},
  };

  private final RouteTemplates routes = RouteTemplates.currents();

  static Stream<Arguments> routes() {
    return Stream.of(ROUTES).map(route -> Arguments.of(route[0], route[1]));
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @MethodSource("routes")
  void everyRouteMatchesItsSamplePath(String template, String path) {
    assertEquals(template, routes.match(path));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void everyTemplateMatchesItselfAsAPath(String template, String ignored) {
    assertEquals(template, routes.match(template));
  }

  @ParameterizedTest(name = "{1}/ -> {0}")
  @MethodSource("routes")
  void everyRouteMatchesWithATrailingSlash(String template, String path) {
    int query = path.indexOf('?');
    String withSlash = query < 0 ? path + "/" : path.substring(0, query) + "/" + path.substring(query);
    assertEquals(template, routes.match(withSlash));
  }

  @Test
  void theTableIsExactlyTheRoutesFile() {
    Set<String> expected = new HashSet<>();
    for (String[] route : ROUTES) {
      expected.add(route[0]);
    }
    assertEquals(ROUTES.length, expected.size(), "the test table has a duplicate");
    assertEquals(expected, new HashSet<>(routes.templates()));
    assertEquals(ROUTES.length, routes.templates().size());
  }

  @Test
  void resultsAreTheTableInstances() {
    Map<String, String> byValue = new LinkedHashMap<>();
    for (String template : routes.templates()) {
      byValue.put(template, template);
    }
    for (String[] route : ROUTES) {
      String matched = routes.match(route[1]);
      assertSame(byValue.get(route[0]), matched, route[1]);
      assertSame(matched, routes.match(new String(route[1].toCharArray())));
    }
    assertSame(RouteTemplates.currents(), routes);
  }

  @Test
  void literalRoutesWinOverParameters() {
    assertEquals("/v1/runs/find", routes.match("/v1/runs/find"));
    assertEquals("/v1/runs/previous", routes.match("/v1/runs/previous"));
    assertEquals("/v1/runs/cancel", routes.match("/v1/runs/cancel"));
    assertEquals("/v1/runs/attachments", routes.match("/v1/runs/attachments"));
    assertEquals("/v1/actions/tests", routes.match("/v1/actions/tests"));
    assertEquals("/v1/runs/{runId}", routes.match("/v1/runs/abc"));
    assertEquals("/v1/runs/{runId}", routes.match("/v1/runs/Find"));
    assertEquals("/v1/runs/{runId}", routes.match("/v1/runs/cancel-ci"));
    assertEquals("/v1/actions/{actionId}", routes.match("/v1/actions/test"));
  }

  @Test
  void aDeadEndLiteralBacktracksToTheParameter() {
    assertEquals("/v1/actions/{actionId}/tests", routes.match("/v1/actions/" + UUID + "/tests"));
    assertEquals("/v1/actions/tests/{signature}", routes.match("/v1/actions/tests/" + SIGNATURE));
    assertEquals("/v1/actions/tests/{signature}", routes.match("/v1/actions/tests/tests"));
    assertEquals("/v1/actions/tests/{signature}", routes.match("/v1/actions/tests/enable"));
    assertEquals("/v1/actions/{actionId}/enable", routes.match("/v1/actions/enable/enable"));
    assertEquals("/v1/runs/{runId}/cancel", routes.match("/v1/runs/cancel/cancel"));
    assertEquals("/v1/runs/{runId}/attachments", routes.match("/v1/runs/attachments/attachments"));
    assertEquals("/v1/runs/{runId}/cancel", routes.match("/v1/runs/find/cancel"));
    assertEquals("/runs/{runId}/instances", routes.match("/runs/instances/instances"));
  }

  @Test
  void noTemplateNoRoute() {
    assertEquals("other", routes.match("/v1/runs/find/x"));
    assertEquals("other", routes.match("/v1/runs/cancel-ci/gitlab"));
    assertEquals("other", routes.match("/v1/actions/tests/" + SIGNATURE + "/x"));
    assertEquals("other", routes.match("/v1/runs/" + RUN + "/instances"));
    assertEquals("other", routes.match("/v1/runs/" + RUN + "/cancel/now"));
    assertEquals("other", routes.match("/v1"));
    assertEquals("other", routes.match("/v2/projects"));
    assertEquals("other", routes.match("/v1/project"));
    assertEquals("other", routes.match("/cache"));
    assertEquals("other", routes.match("/cache/v2"));
    assertEquals("other", routes.match("/cache/v3/download"));
    assertEquals("other", routes.match("/instances/" + CURSOR));
    assertEquals("other", routes.match("/health"));
    assertEquals("other", routes.match("/"));
  }

  @Test
  void aPrefixedBasePathIsNotARoute() {
    assertEquals("other", routes.match("/api/v1/projects"));
    assertEquals("other", routes.match("https://api.currents.dev/v1/projects"));
  }

  @Test
  void matchingIsCaseSensitive() {
    assertEquals("other", routes.match("/V1/projects"));
    assertEquals("other", routes.match("/v1/Projects"));
    assertEquals("/v1/projects/{projectId}", routes.match("/v1/projects/BAYZ41"));
    assertEquals("/v1/projects/{projectId}", routes.match("/v1/projects/bayz41"));
  }
}
