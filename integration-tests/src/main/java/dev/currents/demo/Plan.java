package dev.currents.demo;

import dev.currents.demo.Step.Credential;
import dev.currents.demo.Step.ServerScript;
import dev.currents.demo.Step.Target;
import dev.currents.demo.Step.Via;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's workload, call by call, shared by both JVMs: the launcher installs the {@link Step#script()
 * scripts} on the simulated API before the workload starts, then the workload makes the calls in order. A
 * scripted call uses a path (method and path, without query) that no other call uses, so it meets its
 * script and nothing else does.
 *
 * <p>Between them the calls produce every error category of SPEC section 3, through both JDK clients,
 * over HTTP and HTTPS, against the REST API and the recording service. Two retrying clients (SPEC section 5)
 * meet throttled keys: a {@link Retrying#CAREFUL careful} one and a {@link Retrying#HAMMERING hammering} one,
 * each on routes of its own, since the backoff meters tell clients apart only by route. Each meets a throttle
 * that says {@code Retry-After} and one that does not. A retried call runs on a thread of its own, alongside
 * the calls after it.
 */
public final class Plan {
    /** Reads and writes the REST API. */
    public static final String READ_WRITE_KEY = "demo-rw-key";
    /** Reads only: a write with it is a 403. */
    public static final String READ_ONLY_KEY = "demo-ro-key";
    /** A key the simulated API does not know: 401. */
    public static final String REVOKED_KEY = "demo-revoked-key";
    /** Read-write, behind a tight token bucket: {@link #BURST_CAPACITY} calls, then 429 with Retry-After. */
    public static final String BURST_KEY = "demo-burst-key";
    /** The recording service's record key. */
    public static final String RECORD_KEY = "demo-record-key";

    /**
     * The keys of the retrying clients: each answers {@link #THROTTLED_ANSWERS} times 429, then lets every
     * request through. A key per client and throttle, so each retry chain meets its 429s whatever the others do.
     */
    public static final String CAREFUL_KEY_RETRY_AFTER = "demo-careful-key-ra";
    /** As {@link #CAREFUL_KEY_RETRY_AFTER}, its 429s without Retry-After. */
    public static final String CAREFUL_KEY_BARE = "demo-careful-key-bare";
    /** As {@link #CAREFUL_KEY_RETRY_AFTER}, for the hammering client. */
    public static final String HAMMERING_KEY_RETRY_AFTER = "demo-hammering-key-ra";
    /** As {@link #CAREFUL_KEY_BARE}, for the hammering client. */
    public static final String HAMMERING_KEY_BARE = "demo-hammering-key-bare";
    /** How many 429s a retrying client's key answers before it lets requests through. */
    public static final int THROTTLED_ANSWERS = 3;
    /** What the 429s of the {@code ...-ra} keys say in {@code Retry-After}, in seconds. */
    public static final int THROTTLED_RETRY_AFTER_SECONDS = 1;

    /** Tokens in the burst key's bucket at the start. */
    public static final int BURST_CAPACITY = 3;
    /** One token back every this many seconds, which is also what its 429s say in {@code Retry-After}. */
    public static final int BURST_REFILL_SECONDS = 10;

    /** How long a scripted slow answer takes; the clients give up long before. */
    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);
    static final Duration CANCEL_AFTER = Duration.ofMillis(200);

    static final String PROJECT = "Kx9pQ2";
    private static final String RUN = "7c3e0f5a9b1d4e2f8a6c0b3d5e7f9a1c";
    private static final String RUN_MOVED = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String RUN_402 = "4020aa11bb22cc33dd44ee55ff660402";
    private static final String RUN_503 = "5030aa11bb22cc33dd44ee55ff660503";
    private static final String RUN_RESET = "e5e7aa11bb22cc33dd44ee55ff66e5e7";
    private static final String INSTANCE = "64f1c0ffee0123456789abcd";
    private static final String INSTANCE_SLOW = "64f1c0ffee0123456789dead";
    private static final String TEST_SIGNATURE = "5f2d9c0e7a1b4c3d8e6f0a9b2c4d6e8f";

    private static final String CREATE_RUN_BODY = "{\"recordKey\":\"" + RECORD_KEY + "\",\"projectId\":\"" + PROJECT
            + "\",\"ciBuildId\":\"demo-build-1\",\"group\":\"ci\",\"specs\":[\"cypress/e2e/login.cy.ts\"],"
            + "\"platform\":{\"osName\":\"linux\",\"browserName\":\"chromium\"}}";
    private static final String CLAIM_BODY = "{\"machineId\":\"demo-machine-1\",\"groupId\":\"ci\"}";
    private static final String RESULTS_BODY = "{\"stats\":{\"tests\":12,\"passes\":12,\"failures\":0}}";

    private Plan() {
    }

    /** The demo's calls, in order. */
    public static List<Step> steps() {
        List<Step> steps = new ArrayList<>();

        // ok: what a service calling Currents does all day.
        steps.add(call("list projects").via(Via.SEND).get(Target.HTTPS, "/v1/projects?limit=10")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects").build());
        steps.add(call("list a project's runs").via(Via.SEND_ASYNC)
                .get(Target.HTTPS, "/v1/projects/" + PROJECT + "/runs?limit=5")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects/{projectId}/runs").build());
        steps.add(call("get a run").via(Via.URL_CONNECTION).get(Target.HTTP, "/v1/runs/" + RUN)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/{runId}").build());
        steps.add(call("find a run").via(Via.URL_CONNECTION)
                .get(Target.HTTPS, "/v1/runs/find?projectId=" + PROJECT + "&branch=main")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/find").build());
        steps.add(call("project insights").via(Via.SEND_ASYNC)
                .get(Target.HTTP, "/v1/projects/" + PROJECT + "/insights")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects/{projectId}/insights").build());
        steps.add(call("create a run (recording service)").via(Via.SEND).post(Target.HTTP, "/runs", CREATE_RUN_BODY)
                .recordKey(RECORD_KEY).endpoint("/runs").build());
        steps.add(call("claim a spec (recording service)").via(Via.URL_CONNECTION)
                .post(Target.HTTPS, "/runs/" + RUN + "/instances", CLAIM_BODY)
                .recordKey(RECORD_KEY).endpoint("/runs/{runId}/instances").build());

        // Retries with backoff, in the background while the calls below go on: a careful client's waits add up.
        steps.add(call("careful: insights, 429 with Retry-After").via(Via.SEND)
                .get(Target.HTTPS, "/v1/projects/" + PROJECT + "/insights?date_start=2026-11-01")
                .apiKey(CAREFUL_KEY_RETRY_AFTER).endpoint("/v1/projects/{projectId}/insights")
                .retrying(Retrying.CAREFUL).build());
        steps.add(call("careful: test results, bare 429").via(Via.SEND)
                .get(Target.HTTPS, "/v1/test-results/" + TEST_SIGNATURE + "?limit=10")
                .apiKey(CAREFUL_KEY_BARE).endpoint("/v1/test-results/{signature}")
                .retrying(Retrying.CAREFUL).build());

        // redirect: the JDK clients return 3xx to the caller when told not to follow.
        steps.add(call("get a moved project (301, not followed)").via(Via.SEND)
                .get(Target.HTTPS, "/v1/projects/" + PROJECT)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects/{projectId}")
                .script(new ServerScript.Respond(301, Map.of("Location", "/v1/projects/Kx9pQ3"))).build());
        steps.add(call("get a moved run (302, not followed)").via(Via.URL_CONNECTION)
                .get(Target.HTTP, "/v1/runs/" + RUN_MOVED)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/{runId}")
                .script(new ServerScript.Respond(302, Map.of("Location", "/v1/runs/" + RUN))).build());

        // bad_request: /v1/runs/find needs projectId.
        steps.add(call("find a run without projectId").via(Via.SEND_ASYNC).get(Target.HTTPS, "/v1/runs/find")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/find").build());
        steps.add(call("find a run by branch only").via(Via.URL_CONNECTION).get(Target.HTTP, "/v1/runs/find?branch=main")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/find").build());

        // unauthorized: keys the services do not know.
        steps.add(call("list projects with a revoked key").via(Via.SEND).get(Target.HTTP, "/v1/projects")
                .apiKey(REVOKED_KEY).endpoint("/v1/projects").build());
        steps.add(call("create a run with a wrong record key").via(Via.URL_CONNECTION)
                .post(Target.HTTPS, "/runs", CREATE_RUN_BODY.replace(RECORD_KEY, "wrong-record-key"))
                .recordKey("wrong-record-key").endpoint("/runs").build());

        // request_failed: valid parameters, the request failed.
        steps.add(call("cancel a run (402)").via(Via.SEND).put(Target.HTTPS, "/v1/runs/" + RUN_402 + "/cancel", null)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/{runId}/cancel")
                .script(new ServerScript.Respond(402, Map.of())).build());

        // forbidden: the read-only key writing.
        steps.add(call("delete a run with the read-only key").via(Via.URL_CONNECTION)
                .delete(Target.HTTPS, "/v1/runs/" + RUN)
                .apiKey(READ_ONLY_KEY).endpoint("/v1/runs/{runId}").build());
        steps.add(call("create a webhook with the read-only key").via(Via.SEND_ASYNC)
                .post(Target.HTTP, "/v1/webhooks?projectId=" + PROJECT, "{\"url\":\"https://example.com/hook\"}")
                .apiKey(READ_ONLY_KEY).endpoint("/v1/webhooks").build());

        // not_found: ids in the wrong shape.
        steps.add(call("get a run that does not exist").via(Via.SEND).get(Target.HTTPS, "/v1/runs/no-such-run")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/{runId}").build());
        steps.add(call("get a webhook that does not exist").via(Via.URL_CONNECTION)
                .get(Target.HTTP, "/v1/webhooks/no-such-hook")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/webhooks/{hookId}").build());

        // conflict
        steps.add(call("create a Jira issue (409)").via(Via.SEND)
                .post(Target.HTTPS, "/v1/projects/" + PROJECT + "/jira/issues", "{\"title\":\"Flaky login test\"}")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects/{projectId}/jira/issues")
                .script(new ServerScript.Respond(409, Map.of())).build());

        // too_many_requests: a burst on the rate-limited key, with both clients.
        int burst = BURST_CAPACITY + 3;
        for (int i = 1; i <= burst; i++) {
            steps.add(call("burst " + i + "/" + burst + " on the rate-limited key").via(Via.SEND_ASYNC)
                    .get(Target.HTTPS, "/v1/projects/" + PROJECT + "/runs?limit=5")
                    .apiKey(BURST_KEY).endpoint("/v1/projects/{projectId}/runs").burst().build());
        }
        for (int i = 1; i <= 2; i++) {
            steps.add(call("poll " + i + "/2 on the rate-limited key").via(Via.URL_CONNECTION)
                    .get(Target.HTTP, "/v1/projects/" + PROJECT + "/runs?limit=5")
                    .apiKey(BURST_KEY).endpoint("/v1/projects/{projectId}/runs").build());
        }

        // client_error: other 4xx.
        steps.add(call("upload results (422)").via(Via.URL_CONNECTION)
                .post(Target.HTTPS, "/instances/" + INSTANCE + "/results", RESULTS_BODY)
                .recordKey(RECORD_KEY).endpoint("/instances/{instanceId}/results")
                .script(new ServerScript.Respond(422, Map.of())).build());
        steps.add(call("DELETE on a read-only route (405)").via(Via.SEND_ASYNC).delete(Target.HTTPS, "/v1/projects")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects").build());

        // server_error
        steps.add(call("get a run (503)").via(Via.SEND).get(Target.HTTP, "/v1/runs/" + RUN_503)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/runs/{runId}")
                .script(new ServerScript.Respond(503, Map.of())).build());
        steps.add(call("list spec files (500)").via(Via.URL_CONNECTION).get(Target.HTTPS, "/v1/spec-files/" + PROJECT)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/spec-files/{projectId}")
                .script(new ServerScript.Respond(500, Map.of())).build());

        // timeout: a slow answer and a short client timeout.
        steps.add(call("list pull requests, slow answer").via(Via.SEND)
                .get(Target.HTTPS, "/v1/projects/" + PROJECT + "/pull-requests")
                .apiKey(READ_WRITE_KEY).endpoint("/v1/projects/{projectId}/pull-requests")
                .timeout(CLIENT_TIMEOUT).script(new ServerScript.Delay(SLOW_ANSWER)).build());
        steps.add(call("get an instance, slow answer").via(Via.URL_CONNECTION)
                .get(Target.HTTP, "/v1/instances/" + INSTANCE_SLOW)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/instances/{instanceId}")
                .timeout(CLIENT_TIMEOUT).script(new ServerScript.Delay(SLOW_ANSWER)).build());

        // network_error: a reset on a POST (the JDK client resends an idempotent GET by itself) and a refusal.
        steps.add(call("claim a spec, connection reset").via(Via.SEND_ASYNC)
                .post(Target.HTTP, "/runs/" + RUN_RESET + "/instances", CLAIM_BODY)
                .recordKey(RECORD_KEY).endpoint("/runs/{runId}/instances")
                .script(new ServerScript.Reset()).build());
        steps.add(call("list projects, connection refused").via(Via.URL_CONNECTION)
                .get(Target.CLOSED_PORT, "/v1/projects").apiKey(READ_WRITE_KEY).endpoint("/v1/projects").build());
        steps.add(call("list projects, connection refused").via(Via.SEND)
                .get(Target.CLOSED_PORT, "/v1/projects").apiKey(READ_WRITE_KEY).endpoint("/v1/projects").build());

        // cancelled: the caller gives up on a slow answer.
        steps.add(call("list tests, future cancelled").via(Via.SEND_ASYNC).get(Target.HTTPS, "/v1/tests/" + PROJECT)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/tests/{projectId}")
                .cancelAfter(CANCEL_AFTER).script(new ServerScript.Delay(SLOW_ANSWER)).build());
        steps.add(call("list errors, thread interrupted").via(Via.SEND).get(Target.HTTP, "/v1/errors/" + PROJECT)
                .apiKey(READ_WRITE_KEY).endpoint("/v1/errors/{projectId}")
                .cancelAfter(CANCEL_AFTER).script(new ServerScript.Delay(SLOW_ANSWER)).build());

        // Retries without backoff, last: on a JVM still loading classes, "at once" can take over 100 ms.
        steps.add(call("hammering: find run, 429 with Retry-After").via(Via.URL_CONNECTION)
                .get(Target.HTTP, "/v1/runs/find?projectId=" + PROJECT + "&branch=release")
                .apiKey(HAMMERING_KEY_RETRY_AFTER).endpoint("/v1/runs/find")
                .retrying(Retrying.HAMMERING).build());
        steps.add(call("hammering: previous run, bare 429").via(Via.URL_CONNECTION)
                .get(Target.HTTP, "/v1/runs/previous?projectId=" + PROJECT + "&branch=release")
                .apiKey(HAMMERING_KEY_BARE).endpoint("/v1/runs/previous")
                .retrying(Retrying.HAMMERING).build());
        return List.copyOf(steps);
    }

    private static Builder call(String label) {
        return new Builder(label);
    }

    private static final class Builder {
        private final String label;
        private Via via;
        private String method;
        private Target target;
        private String path;
        private Credential credential = Credential.none();
        private String body;
        private Duration timeout;
        private Duration cancelAfter;
        private boolean burst;
        private String endpoint;
        private ServerScript script;
        private Retrying retrying;

        Builder(String label) {
            this.label = label;
        }

        Builder via(Via value) {
            via = value;
            return this;
        }

        Builder get(Target where, String pathAndQuery) {
            return request("GET", where, pathAndQuery, null);
        }

        Builder delete(Target where, String pathAndQuery) {
            return request("DELETE", where, pathAndQuery, null);
        }

        Builder post(Target where, String pathAndQuery, String json) {
            return request("POST", where, pathAndQuery, json);
        }

        Builder put(Target where, String pathAndQuery, String json) {
            return request("PUT", where, pathAndQuery, json);
        }

        private Builder request(String verb, Target where, String pathAndQuery, String json) {
            method = verb;
            target = where;
            path = pathAndQuery;
            body = json;
            return this;
        }

        Builder apiKey(String key) {
            credential = Credential.apiKey(key);
            return this;
        }

        Builder recordKey(String key) {
            credential = Credential.recordKey(key);
            return this;
        }

        Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        Builder cancelAfter(Duration value) {
            cancelAfter = value;
            return this;
        }

        Builder burst() {
            burst = true;
            return this;
        }

        Builder endpoint(String template) {
            endpoint = template;
            return this;
        }

        Builder script(ServerScript value) {
            script = value;
            return this;
        }

        Builder retrying(Retrying value) {
            retrying = value;
            return this;
        }

        Step build() {
            return new Step(label, via, method, target, path, credential, body, timeout, cancelAfter, burst,
                    endpoint, script, retrying);
        }
    }
}
