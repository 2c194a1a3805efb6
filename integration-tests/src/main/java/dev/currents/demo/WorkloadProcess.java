package dev.currents.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workload's JVM seen from the launcher: learns the agent's metrics port from its start-up line on
 * stderr, collects the workload's {@link Observation}s from stdout until {@code DONE}, keeps the tail of
 * stderr for when things go wrong, and ends the JVM by closing its stdin.
 */
final class WorkloadProcess implements AutoCloseable {
    static final String AGENT_PREFIX = "[currents-agent]";
    /** {@code ...; metrics prometheus http://0.0.0.0:43123/metrics; ...} in the agent's start-up line. */
    private static final Pattern METRICS_URL = Pattern.compile("prometheus http://(\\S+?):(\\d+)/metrics");
    private static final int STDERR_TAIL_LINES = 40;

    private final Process process;
    private final Consumer<String> agentLines;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final List<Observation> observations = new ArrayList<>();
    private final CompletableFuture<Integer> metricsPort = new CompletableFuture<>();
    private final CompletableFuture<Done> done = new CompletableFuture<>();

    /**
     * The workload's report at the end of its calls.
     *
     * @param calls        the calls of the plan
     * @param millis       how long they took
     * @param attempts     the requests they made, a retried call's every attempt counted
     * @param observations one per attempt
     */
    record Done(int calls, long millis, int attempts, List<Observation> observations) {
        /** Whether every call of the plan reported, and every attempt the workload counted. */
        boolean complete() {
            return observations.size() == attempts
                    && observations.stream().map(Observation::index).distinct().count() == calls;
        }
    }

    private WorkloadProcess(Process process, Consumer<String> agentLines) {
        this.process = process;
        this.agentLines = agentLines;
    }

    /** Starts the JVM; {@code agentLines} gets every line the agent logs, as it comes. */
    static WorkloadProcess start(List<String> command, Consumer<String> agentLines) throws DemoFailure {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new DemoFailure("cannot start the workload JVM (" + command.get(0) + "): " + e.getMessage());
        }
        WorkloadProcess workload = new WorkloadProcess(process, agentLines);
        workload.pump("workload-stderr", process.getErrorStream(), workload::onStderr, workload::onStderrEnd);
        workload.pump("workload-stdout", process.getInputStream(), workload::onStdout, workload::onStdoutEnd);
        return workload;
    }

    long pid() {
        return process.pid();
    }

    /** The port of the agent's {@code /metrics}, from its start-up line. */
    int awaitMetricsPort(Duration timeout) throws DemoFailure {
        return await(metricsPort, timeout, "the agent's start-up line with a Prometheus URL");
    }

    /** The workload's report, once it has made all its calls. */
    Done awaitDone(Duration timeout) throws DemoFailure {
        return await(done, timeout, "the workload to finish its calls");
    }

    /** Fails when the workload has died, with its stderr tail. */
    void checkAlive() throws DemoFailure {
        if (!process.isAlive()) {
            throw died();
        }
    }

    /** Completes when the JVM has ended, for whatever reason. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    synchronized List<String> stderrTail() {
        return List.copyOf(stderrTail);
    }

    /** Asks the workload to quit by closing its stdin; kills it if it has not ended after {@code grace}. */
    void quit(Duration grace) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // It is gone already.
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            quit(Duration.ofSeconds(5));
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws DemoFailure {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DemoFailure failure ? failure : new DemoFailure(e.getCause().toString());
        } catch (TimeoutException e) {
            throw new DemoFailure("waited " + timeout.toSeconds() + " s for " + what + " in vain", tailWithHeading());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for " + what);
        }
    }

    private DemoFailure died() {
        String exit;
        try {
            exit = "exit code " + process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = "exit code unknown";
        }
        return new DemoFailure("the workload JVM ended early (" + exit + ")", tailWithHeading());
    }

    private List<String> tailWithHeading() {
        List<String> lines = new ArrayList<>();
        List<String> tail = stderrTail();
        lines.add(tail.isEmpty() ? "(the workload wrote nothing on stderr)" : "last lines of the workload's stderr:");
        tail.forEach(line -> lines.add("  " + line));
        return lines;
    }

    private void onStderr(String line) {
        synchronized (this) {
            stderrTail.addLast(line);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
        if (!line.startsWith(AGENT_PREFIX)) {
            return;
        }
        agentLines.accept(line);
        if (!metricsPort.isDone()) {
            metricsPortIn(line).ifPresent(metricsPort::complete);
            if (!metricsPort.isDone() && line.contains("; metrics ")) {
                metricsPort.completeExceptionally(new DemoFailure(
                        "the agent started without a Prometheus endpoint (see its start-up line above)"));
            }
        }
    }

    /** The port in the agent's start-up line, e.g. {@code metrics prometheus http://0.0.0.0:43123/metrics}. */
    static Optional<Integer> metricsPortIn(String agentLine) {
        Matcher matcher = METRICS_URL.matcher(agentLine);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(2))) : Optional.empty();
    }

    private void onStdout(String line) {
        Optional<Observation> observation = Observation.parse(line);
        if (observation.isPresent()) {
            synchronized (this) {
                observations.add(observation.get());
            }
        } else if (line.startsWith(Workload.DONE + " ")) {
            synchronized (this) {
                done.complete(done(line, observations));
            }
        } else {
            onStderr(line);
        }
    }

    /** {@code DONE <calls> <millis> <attempts>} */
    static Done done(String line, List<Observation> observations) {
        String[] words = line.split(" ");
        int calls = Integer.parseInt(words[1]);
        return new Done(calls, Long.parseLong(words[2]), words.length > 3 ? Integer.parseInt(words[3]) : calls,
                List.copyOf(observations));
    }

    private void onStdoutEnd() {
        if (!done.isDone()) {
            done.completeExceptionally(died());
        }
    }

    private void onStderrEnd() {
        if (!metricsPort.isDone()) {
            metricsPort.completeExceptionally(died());
        }
    }

    private void pump(String name, InputStream stream, Consumer<String> lines, Runnable atEnd) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // The stream ended with the process.
            }
            atEnd.run();
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
