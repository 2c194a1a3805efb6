package dev.currents.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The hand-off between the launcher and the workload JVM: the plan, the agent's start-up line, the call lines. */
class WorkloadProtocolTest {
    @Test
    void findsTheMetricsPortInTheAgentsStartUpLine() {
        assertEquals(Optional.of(43123), WorkloadProcess.metricsPortIn("[currents-agent] currents-agent 0.1.0-SNAPSHOT"
                + " on Java 17.0.15+6: hosts 127.0.0.1, localhost; clients java-http-client, http-url-connection;"
                + " metrics prometheus http://0.0.0.0:43123/metrics; traces none"));
        assertEquals(Optional.empty(), WorkloadProcess.metricsPortIn("[currents-agent] ...; metrics logging; traces none"));
    }

    @Test
    void observationLinesRoundTrip() {
        Observation status = Observation.status(429).at(20, 143);
        assertEquals("CALL 20 143 STATUS 429", status.toLine());
        assertEquals(Optional.of(status), Observation.parse(status.toLine()));
        assertEquals("too_many_requests", status.category());

        Observation failure = Observation.failure(new ConnectException("Connection\nrefused")).at(35, 1);
        assertEquals("CALL 35 1 ERROR java.net.ConnectException Connection refused", failure.toLine());
        assertEquals(Optional.of(failure), Observation.parse(failure.toLine()));
        assertEquals("network_error", failure.category());
        assertEquals("ConnectException", failure.shortResult());

        assertEquals(Optional.empty(), Observation.parse("DONE 38 2200"));
        assertEquals(Optional.empty(), Observation.parse("CALL x STATUS 200"));
    }

    @Test
    void theDoneLineCountsCallsAndAttempts() {
        List<Observation> seen = List.of(Observation.status(200).at(0, 5), Observation.status(429).at(1, 3),
                Observation.status(200).at(1, 4));
        WorkloadProcess.Done done = WorkloadProcess.done("DONE 2 1200 3", seen);
        assertEquals(new WorkloadProcess.Done(2, 1200, 3, seen), done);
        assertTrue(done.complete());
        assertFalse(WorkloadProcess.done("DONE 2 1200 4", seen).complete(), "an attempt did not report");
        assertFalse(WorkloadProcess.done("DONE 3 1200 3", seen).complete(), "a call did not report");
        assertEquals(2, WorkloadProcess.done("DONE 2 900", seen.subList(0, 2)).attempts(), "no retries: one each");
    }

    @Test
    void theRetryingClientsWaitAsTheirNamesSay() {
        Optional<Duration> none = Optional.empty();
        Optional<Duration> oneSecond = Optional.of(Duration.ofSeconds(1));
        assertEquals(List.of(250L, 500L, 1000L, 2000L), IntStream.rangeClosed(1, 4)
                .mapToObj(retry -> Retrying.CAREFUL.waitBefore(retry, none).toMillis()).toList());
        assertEquals(List.of(1000L, 1000L, 1000L, 2000L), IntStream.rangeClosed(1, 4)
                .mapToObj(retry -> Retrying.CAREFUL.waitBefore(retry, oneSecond).toMillis()).toList());
        assertEquals(Duration.ZERO, Retrying.HAMMERING.waitBefore(3, oneSecond));

        assertTrue(Retrying.retryable(Observation.status(429)));
        assertTrue(Retrying.retryable(Observation.status(503)));
        assertTrue(Retrying.retryable(Observation.failure(new ConnectException("refused"))));
        assertFalse(Retrying.retryable(Observation.status(200)));
        assertFalse(Retrying.retryable(Observation.status(401)));
    }

    @Test
    void readsRetryAfterAsAClientDoes() {
        Instant now = Instant.parse("2026-11-25T10:04:34.400Z");
        assertEquals(Optional.of(Duration.ofSeconds(1)), Retrying.retryAfter(" 1", now));
        assertEquals(Optional.of(Duration.ofMillis(2600)), Retrying.retryAfter("Wed, 25 Nov 2026 10:04:37 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), Retrying.retryAfter("Wed, 25 Nov 2026 10:00:00 GMT", now));
        assertEquals(Optional.empty(), Retrying.retryAfter("soon", now));
        assertEquals(Optional.empty(), Retrying.retryAfter("-1", now));
        assertEquals(Optional.empty(), Retrying.retryAfter("99999999999999999999", now));
        assertEquals(Optional.empty(), Retrying.retryAfter(null, now));
    }

    @Test
    void readsExceptionsAsTheSpecDoes() {
        assertEquals("timeout", Observation.failure(new HttpTimeoutException("request timed out")).category());
        assertEquals("timeout", Observation.failure(new java.io.IOException("wrapped",
                new SocketTimeoutException("Read timed out"))).category());
        assertEquals("cancelled", Observation.failure(new CancellationException()).category());
        assertEquals("cancelled", Observation.failure(new InterruptedException()).category());
        assertEquals("network_error", Observation.failure(new java.io.IOException("reset")).category());
    }

    @Test
    void readsStatusesAsTheSpecDoes() {
        assertEquals(List.of("ok", "redirect", "bad_request", "unauthorized", "request_failed", "forbidden",
                        "not_found", "client_error", "conflict", "client_error", "too_many_requests", "server_error",
                        "server_error"),
                List.of(201, 301, 400, 401, 402, 403, 404, 408, 409, 422, 429, 500, 599).stream()
                        .map(Categories::ofStatus).toList());
    }

    @Test
    void theScriptedCallsOfThePlanEachHaveTheirOwnPath() {
        DemoApi.checkScriptedPathsAreUnique(Plan.steps());
        Step moved = Plan.steps().stream().filter(step -> step.label().startsWith("get a moved project"))
                .findFirst().orElseThrow();
        List<Step> clash = List.of(Plan.steps().get(0), new Step("again", Step.Via.SEND, "GET", Step.Target.HTTP,
                "/v1/projects/" + Plan.PROJECT, Step.Credential.none(), null, null, null, false,
                "/v1/projects/{projectId}", null), moved);
        assertThrows(IllegalStateException.class, () -> DemoApi.checkScriptedPathsAreUnique(clash));
    }

    @Test
    void thePlanUsesEveryClientAndBothSchemes() {
        List<Step> steps = Plan.steps();
        assertEquals(EnumSet.allOf(Step.Via.class), steps.stream().map(Step::via)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.Via.class))));
        assertEquals(EnumSet.allOf(Step.Target.class), steps.stream().map(Step::target)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Step.Target.class))));
        Set<String> methods = steps.stream().map(Step::method).collect(Collectors.toSet());
        assertEquals(Set.of("GET", "POST", "PUT", "DELETE"), methods);
        steps.forEach(step -> assertTrue(step.endpoint().startsWith("/"), step.label()));
    }

    @Test
    void parsesTheCommandLine() {
        Demo.Options options = Demo.Options.parse("--keep-running", "--agent", "x/agent.jar", "-v");
        assertEquals(new Demo.Options(Path.of("x/agent.jar"), true, true), options);
        assertThrows(IllegalArgumentException.class, () -> Demo.Options.parse("--agent"));
        assertThrows(IllegalArgumentException.class, () -> Demo.Options.parse("--nope"));
    }

    @Test
    void showsTheWorkloadCommandWrappedLikeAShellCommand() {
        List<String> lines = Demo.displayed(List.of("/usr/lib/jvm/bin/java", "-javaagent:/opt/currents-agent.jar",
                "-Dcurrents.agent.hosts=127.0.0.1,localhost", "-Dcurrents.agent.prometheus.port=0", "-cp",
                "/opt/currents-demo.jar", "dev.currents.demo.Workload"), 60);
        assertEquals(List.of(
                "  java -javaagent:/opt/currents-agent.jar \\",
                "      -Dcurrents.agent.hosts=127.0.0.1,localhost \\",
                "      -Dcurrents.agent.prometheus.port=0 -cp \\",
                "      /opt/currents-demo.jar dev.currents.demo.Workload"), lines);
    }
}
