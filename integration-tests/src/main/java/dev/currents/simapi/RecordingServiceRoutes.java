package dev.currents.simapi;

import java.util.List;

/**
 * The routes of the recording service ({@code cy.currents.dev}) that Cypress and Playwright reporters call
 * while a run records, with answers shaped like the ones those reporters read.
 */
final class RecordingServiceRoutes {
    private RecordingServiceRoutes() {
    }

    static List<Route> routes() {
        return List.of(
                post("/runs", call -> createRun()),
                post("/runs/{runId}/instances", RecordingServiceRoutes::claimInstance),
                post("/runs/{runId}/cy/instances", RecordingServiceRoutes::claimInstance),
                post("/instances/{instanceId}/tests", call -> Replies.recorded(Json.object(
                        "instanceId", call.param("instanceId")))),
                post("/instances/{instanceId}/results", RecordingServiceRoutes::results),
                post("/instances/{instanceId}/cy/results", RecordingServiceRoutes::results),
                put("/instances/{instanceId}/stdout", call -> Replies.recorded(Json.object(
                        "instanceId", call.param("instanceId")))),
                post("/v1/runs", call -> createRun()),
                post("/v1/runs/cancel", call -> Replies.recorded(Json.object(
                        "runId", Ids.hex32("cancelled-run"), "cancelled", true))),
                post("/cache/upload", call -> Replies.recorded(Json.object(
                        "cacheId", Ids.hex24(Ids.freshSeed()),
                        "uploadUrl", "https://storage.example.com/cache/upload",
                        "metaUploadUrl", "https://storage.example.com/cache/meta"))),
                post("/cache/v2/download", call -> Replies.recorded(Json.object(
                        "readUrl", "https://storage.example.com/cache/read",
                        "metaReadUrl", "https://storage.example.com/cache/meta"))),
                post("/cache/meta", call -> Replies.recorded(Json.object(
                        "cacheId", Ids.hex24("cache-meta"), "createdAt", FakeData.timestamp(1)))));
    }

    private static Answer.Reply createRun() {
        String runId = Ids.hex32(Ids.freshSeed());
        return Replies.recorded(Json.object(
                "runId", runId,
                "groupId", "ci",
                "machineId", Ids.hex24(runId),
                "runUrl", "https://app.currents.dev/run/" + runId,
                "isNewRun", true,
                "warnings", List.of()));
    }

    private static Answer.Reply claimInstance(Route.Call call) {
        return Replies.recorded(Json.object(
                "spec", "cypress/e2e/login.cy.ts",
                "instanceId", Ids.hex24(call.param("runId") + Ids.freshSeed()),
                "claimedInstances", 1,
                "totalInstances", 12));
    }

    private static Answer.Reply results(Route.Call call) {
        return Replies.recorded(Json.object(
                "videoUploadUrl", null,
                "screenshotUploadUrls", List.of()));
    }

    private static Route post(String template, Route.Handler handler) {
        return new Route(Service.RECORDING, "POST", template, handler);
    }

    private static Route put(String template, Route.Handler handler) {
        return new Route(Service.RECORDING, "PUT", template, handler);
    }
}
