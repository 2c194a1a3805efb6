package dev.currents.simapi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Plausible resources of the Currents API, in the field names its clients read. Same seed, same resource. */
final class FakeData {
    /** Everything in the fake organisation happened before this instant, so answers never change. */
    private static final Instant EPOCH = Instant.parse("2026-06-01T12:00:00Z");

    private FakeData() {
    }

    static String timestamp(int hoursAgo) {
        return EPOCH.minusSeconds(3600L * hoursAgo).toString();
    }

    static Map<String, Object> project(String projectId) {
        return Json.object(
                "projectId", projectId,
                "name", "project-" + projectId.toLowerCase(),
                "createdAt", timestamp(24 * 90),
                "inactivityTimeoutSeconds", 10800,
                "projectColor", "#6366f1",
                "defaultBranchName", "main");
    }

    static Map<String, Object> run(String runId, String projectId, int hoursAgo) {
        return Json.object(
                "runId", runId,
                "projectId", projectId,
                "createdAt", timestamp(hoursAgo),
                "tags", List.of("smoke"),
                "cancellation", null,
                "timeout", Json.object("isTimeout", false),
                "groups", List.of(Json.object(
                        "groupId", "ci",
                        "platform", Json.object("osName", "linux", "browserName", "chromium"),
                        "instances", Json.object("overall", 12, "claimed", 12, "complete", 12, "passes", 11, "failures", 1),
                        "tests", Json.object("overall", 120, "passes", 117, "failures", 1, "pending", 0,
                                "skipped", 2, "flaky", 3, "retries", 4))),
                "meta", Json.object(
                        "ciBuildId", "ci-build-" + runId.substring(0, 8),
                        "commit", Json.object("branch", "main", "sha", Ids.hex32("sha" + runId) + "deadbeef",
                                "message", "Fix flaky login test", "authorName", "Ada Lovelace")),
                "completionState", "COMPLETE",
                "status", "FAILED",
                "durationMs", 421_000);
    }

    static Map<String, Object> instance(String instanceId) {
        return Json.object(
                "instanceId", instanceId,
                "runId", Ids.hex32("run-of-" + instanceId),
                "groupId", "ci",
                "spec", "cypress/e2e/login.cy.ts",
                "machineId", "machine-" + instanceId.substring(0, 6),
                "createdAt", timestamp(3),
                "completedAt", timestamp(2),
                "results", Json.object("stats", Json.object("tests", 8, "passes", 7, "failures", 1,
                        "pending", 0, "skipped", 0, "wallClockDuration", 38_200)));
    }

    static Map<String, Object> test(String signature, int index) {
        return Json.object(
                "signature", signature,
                "title", List.of("login", "works with case " + index),
                "spec", "cypress/e2e/login.cy.ts",
                "metrics", Json.object("executions", 140 + index, "failures", index % 4, "flaky", index % 3,
                        "failureRate", (index % 4) / 140.0, "flakinessRate", (index % 3) / 140.0, "avgDurationMs", 2100));
    }

    static Map<String, Object> action(String actionId, String projectId) {
        return Json.object(
                "actionId", actionId,
                "projectId", projectId,
                "name", "Quarantine flaky login",
                "description", "Skips the login test while it is being fixed",
                "action", List.of(Json.object("op", "quarantine")),
                "matcher", Json.object("type", "AND", "cond", List.of(Json.object(
                        "type", "title", "op", "eq", "value", "login works"))),
                "actionStatus", "active",
                "createdAt", timestamp(48),
                "updatedAt", timestamp(4));
    }

    static Map<String, Object> webhook(String hookId, String projectId) {
        return Json.object(
                "hookId", hookId,
                "projectId", projectId,
                "url", "https://hooks.example.com/currents/" + hookId.substring(0, 8),
                "hookEvents", List.of("RUN_FINISH", "RUN_TIMEOUT"),
                "label", "CI notifications",
                "createdAt", timestamp(24 * 30));
    }
}
