package dev.currents.simapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The routes of {@code api.currents.dev/v1} (currents-routes.md) and their fake answers. Reads are
 * deterministic; writes answer as if they had worked. A run id that is not 32 hex digits and a hook id
 * that is not a UUID are 404s, so tests can reach a 404 on a known route.
 */
final class RestApiRoutes {
    static final int PROJECTS = 25;
    static final int RUNS_PER_PROJECT = 30;
    private static final int PULL_REQUESTS = 12;
    private static final int SPEC_FILES = 40;
    private static final int TESTS = 60;
    private static final int ERRORS = 15;
    private static final int TEST_RESULTS = 20;
    private static final int ACTIONS = 4;
    private static final int ACTION_TESTS = 8;
    private static final int WEBHOOKS = 3;

    private RestApiRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                get("/v1/projects", call -> Pagination.cursorList(call.exchange(), "projects", PROJECTS,
                        i -> FakeData.project(projectId(i)))),
                get("/v1/projects/{projectId}", call -> Replies.ok(FakeData.project(call.param("projectId")))),
                get("/v1/projects/{projectId}/runs", RestApiRoutes::projectRuns),
                get("/v1/projects/{projectId}/insights", RestApiRoutes::insights),
                get("/v1/projects/{projectId}/pull-requests", RestApiRoutes::pullRequests),
                get("/v1/projects/{projectId}/terms/{termType}", call -> Replies.ok(
                        List.of(call.param("termType") + "-1", call.param("termType") + "-2", "smoke"))),
                post("/v1/projects/{projectId}/jira/issues", call -> Replies.created(Json.object(
                        "issueKey", "CUR-101",
                        "url", "https://example.atlassian.net/browse/CUR-101"))),
                post("/v1/projects/{projectId}/jira/issues/{jiraIssueKey}/link", call -> Replies.ok(Json.object(
                        "issueKey", call.param("jiraIssueKey"), "linked", true))),

                get("/v1/runs/find", RestApiRoutes::findRun),
                get("/v1/runs/previous", RestApiRoutes::findRun),
                put("/v1/runs/cancel-ci/github", call -> Replies.ok(Json.object(
                        "runId", Ids.hex32("github-ci"), "cancelled", true))),
                post("/v1/runs/attachments", RestApiRoutes::attachments),
                get("/v1/runs/{runId}", call -> withRun(call, runId ->
                        Replies.ok(FakeData.run(runId, projectId(0), 1)))),
                delete("/v1/runs/{runId}", call -> withRun(call, runId ->
                        Replies.ok(Json.object("runId", runId, "deleted", true)))),
                put("/v1/runs/{runId}/cancel", call -> withRun(call, runId ->
                        Replies.ok(Json.object("runId", runId, "cancelled", true)))),
                put("/v1/runs/{runId}/reset", call -> withRun(call, runId ->
                        Replies.ok(Json.object("runId", runId, "machineIds", List.of("machine-1"))))),
                post("/v1/runs/{runId}/attachments", call -> withRun(call, runId -> attachments(call))),

                get("/v1/instances/{instanceId}", call -> Replies.ok(FakeData.instance(call.param("instanceId")))),
                get("/v1/spec-files/{projectId}", call -> Pagination.offsetList(call.exchange(), SPEC_FILES,
                        i -> Json.object("spec", "cypress/e2e/feature-" + i + ".cy.ts", "metrics", Json.object(
                                "executions", 200 + i, "failures", i % 5, "avgDurationMs", 30_000 + 100 * i)))),
                get("/v1/tests/{projectId}", call -> Pagination.offsetList(call.exchange(), TESTS,
                        i -> FakeData.test(Ids.hex32("test-" + i), i))),
                get("/v1/errors/{projectId}", call -> Pagination.offsetList(call.exchange(), ERRORS,
                        i -> Json.object("error", "AssertionError: expected element " + i + " to be visible",
                                "count", 40 - i, "tests", 1 + i % 3, "branches", 1))),
                get("/v1/test-results/{signature}", call -> Pagination.cursorList(call.exchange(),
                        "results-" + call.param("signature"), TEST_RESULTS,
                        i -> Json.object("instanceId", Ids.hex24("result-" + i), "runId", runId(0, i),
                                "status", i % 7 == 0 ? "failed" : "passed", "duration", 2000 + i,
                                "createdAt", FakeData.timestamp(i)))),
                post("/v1/signature/test", call -> Replies.ok(Json.object(
                        "signature", Ids.hex32("signature:" + call.exchange().body())))),

                get("/v1/actions", call -> withProjectQuery(call, projectId -> Replies.ok(
                        indexed(ACTIONS, i -> FakeData.action(actionId(i), projectId))))),
                post("/v1/actions", call -> withProjectQuery(call, projectId -> Replies.created(
                        FakeData.action(Ids.uuid(Ids.freshSeed()), projectId)))),
                get("/v1/actions/tests", call -> Pagination.offsetList(call.exchange(), ACTION_TESTS,
                        i -> FakeData.test(Ids.hex32("action-test-" + i), i))),
                get("/v1/actions/tests/{signature}", call -> Replies.ok(FakeData.test(call.param("signature"), 1))),
                get("/v1/actions/{actionId}", call -> Replies.ok(FakeData.action(call.param("actionId"), projectId(0)))),
                put("/v1/actions/{actionId}", call -> Replies.ok(FakeData.action(call.param("actionId"), projectId(0)))),
                delete("/v1/actions/{actionId}", call -> Replies.ok(Json.object(
                        "actionId", call.param("actionId"), "actionStatus", "archived"))),
                put("/v1/actions/{actionId}/enable", call -> actionStatus(call, "active")),
                put("/v1/actions/{actionId}/disable", call -> actionStatus(call, "disabled")),
                get("/v1/actions/{actionId}/tests", call -> Pagination.offsetList(call.exchange(), ACTION_TESTS,
                        i -> FakeData.test(Ids.hex32(call.param("actionId") + "-test-" + i), i))),

                get("/v1/webhooks", call -> withProjectQuery(call, projectId -> Replies.ok(
                        indexed(WEBHOOKS, i -> FakeData.webhook(Ids.uuid("hook-" + i), projectId))))),
                post("/v1/webhooks", call -> withProjectQuery(call, projectId -> Replies.created(
                        FakeData.webhook(Ids.uuid(Ids.freshSeed()), projectId)))),
                get("/v1/webhooks/{hookId}", call -> withHook(call, hookId ->
                        Replies.ok(FakeData.webhook(hookId, projectId(0))))),
                put("/v1/webhooks/{hookId}", call -> withHook(call, hookId ->
                        Replies.ok(FakeData.webhook(hookId, projectId(0))))),
                delete("/v1/webhooks/{hookId}", call -> withHook(call, hookId ->
                        Replies.ok(Json.object("hookId", hookId, "deleted", true)))),

                get("/v1/integrations/jira/projects", call -> Replies.ok(List.of(
                        Json.object("id", "10000", "key", "CUR", "name", "Currents"),
                        Json.object("id", "10001", "key", "WEB", "name", "Web app")))),
                get("/v1/integrations/jira/projects/{jiraProjectId}/issue-types", call -> Replies.ok(List.of(
                        Json.object("id", "10004", "name", "Bug"), Json.object("id", "10001", "name", "Task")))),
                post("/v1/sessions", call -> Replies.created(Json.object(
                        "sessionId", Ids.hex24(Ids.freshSeed()), "expiresAt", FakeData.timestamp(-1)))),
                post("/v1/sessions/{sessionId}/attachments", RestApiRoutes::attachments),
                post("/v1/share", call -> Replies.created(Json.object(
                        "url", "https://app.currents.dev/share/" + Ids.hex24(Ids.freshSeed())))));
    }

    static String projectId(int index) {
        return Ids.projectId("project-" + index);
    }

    static String runId(int projectIndex, int runIndex) {
        return Ids.hex32("run-" + projectIndex + "-" + runIndex);
    }

    private static String actionId(int index) {
        return Ids.uuid("action-" + index);
    }

    private static Answer.Reply projectRuns(Route.Call call) {
        String projectId = call.param("projectId");
        return Pagination.cursorList(call.exchange(), "runs-" + projectId, RUNS_PER_PROJECT,
                i -> FakeData.run(Ids.hex32(projectId + "-run-" + i), projectId, i));
    }

    private static Answer.Reply insights(Route.Call call) {
        return Replies.ok(Json.object(
                "projectId", call.param("projectId"),
                "dateStart", call.exchange().queryParam("date_start").orElse(FakeData.timestamp(24 * 7)),
                "dateEnd", call.exchange().queryParam("date_end").orElse(FakeData.timestamp(0)),
                "results", Json.object("runs", 84, "tests", 10_080, "failures", 61, "flaky", 143,
                        "avgRunDurationMs", 418_000, "failureRate", 0.006)));
    }

    private static Answer.Reply pullRequests(Route.Call call) {
        String projectId = call.param("projectId");
        return Pagination.cursorList(call.exchange(), "pulls-" + projectId, PULL_REQUESTS, i -> Json.object(
                "prNumber", 400 - i, "title", "Pull request " + (400 - i), "branch", "feature/" + (400 - i),
                "lastRunId", Ids.hex32(projectId + "-pr-" + i), "updatedAt", FakeData.timestamp(i)));
    }

    private static Answer.Reply findRun(Route.Call call) {
        Optional<String> projectId = call.exchange().queryParam("projectId");
        if (projectId.isEmpty()) {
            return Service.REST.error(400, "projectId is required");
        }
        return Replies.ok(FakeData.run(Ids.hex32("latest-" + projectId.get()), projectId.get(), 0));
    }

    private static Answer.Reply attachments(Route.Call call) {
        String id = Ids.hex24(Ids.freshSeed());
        return Replies.created(Json.object("attachments", List.of(Json.object(
                "attachmentId", id, "uploadUrl", "https://storage.example.com/upload/" + id))));
    }

    private static Answer.Reply actionStatus(Route.Call call, String status) {
        Map<String, Object> action = FakeData.action(call.param("actionId"), projectId(0));
        action.put("actionStatus", status);
        return Replies.ok(action);
    }

    private static Answer.Reply withRun(Route.Call call, Function<String, Answer.Reply> answer) {
        String runId = call.param("runId");
        return Ids.isHex32(runId) ? answer.apply(runId) : Service.REST.error(404, "Run not found");
    }

    private static Answer.Reply withHook(Route.Call call, Function<String, Answer.Reply> answer) {
        String hookId = call.param("hookId");
        return Ids.isUuid(hookId) ? answer.apply(hookId) : Service.REST.error(404, "Webhook not found");
    }

    private static Answer.Reply withProjectQuery(Route.Call call,
                                                 Function<String, Answer.Reply> answer) {
        return call.exchange().queryParam("projectId")
                .filter(projectId -> !projectId.isEmpty())
                .map(answer)
                .orElseGet(() -> Service.REST.error(400, "projectId is required"));
    }

    private static List<Object> indexed(int count, IntFunction<Object> item) {
        return IntStream.range(0, count).mapToObj(item).collect(Collectors.toList());
    }

    private static Route get(String template, Route.Handler handler) {
        return new Route(Service.REST, "GET", template, handler);
    }

    private static Route post(String template, Route.Handler handler) {
        return new Route(Service.REST, "POST", template, handler);
    }

    private static Route put(String template, Route.Handler handler) {
        return new Route(Service.REST, "PUT", template, handler);
    }

    private static Route delete(String template, Route.Handler handler) {
        return new Route(Service.REST, "DELETE", template, handler);
    }
}
