package dev.currents.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application of the demo: runs in its own JVM with the agent attached, as a user's service would, and
 * calls the simulated Currents API through {@code java.net.http.HttpClient} and {@code HttpURLConnection}
 * as {@link Plan#steps()} says. It knows nothing of the agent.
 *
 * <pre>
 * java -javaagent:currents-agent.jar ... dev.currents.demo.Workload --http URL --https URL --closed-port N
 * </pre>
 *
 * <p>On standard output it reports what the application saw, one {@link Observation} line per attempt (a
 * call that is not {@link Step#retrying() retried} is one attempt; a retried one reports each attempt under
 * its call's index), then {@code DONE <calls> <millis> <attempts>}; then it waits until its standard input
 * ends (or says {@code quit}), so that the launcher can scrape the agent's {@code /metrics} first.
 */
public final class Workload {
    static final String DONE = "DONE";

    private final URI http;
    private final URI https;
    private final URI closedPort;
    /** One client for the whole application, as services keep one; it does not follow redirects. */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Attempts reported so far: every request the application made, retries included. */
    private final AtomicInteger attempts = new AtomicInteger();

    Workload(URI http, URI https, URI closedPort) {
        this.http = http;
        this.https = https;
        this.closedPort = closedPort;
    }

    public static void main(String[] args) throws IOException {
        URI http = null;
        URI https = null;
        URI closed = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--http" -> http = URI.create(args[i + 1]);
                case "--https" -> https = URI.create(args[i + 1]);
                case "--closed-port" -> closed = URI.create("http://127.0.0.1:" + Integer.parseInt(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (http == null || https == null || closed == null) {
            System.err.println("usage: Workload --http URL --https URL --closed-port N");
            System.exit(2);
        }
        List<Step> steps = Plan.steps();
        long start = System.nanoTime();
        Workload workload = new Workload(http, https, closed);
        workload.run(steps);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println(DONE + " " + steps.size() + " " + millis + " " + workload.attempts.get());
        System.out.flush();
        awaitQuit();
        System.exit(0);
    }

    /**
     * Makes every call, one after the other, except that a burst of sendAsync calls is fired at once and then
     * awaited, and that a retried call runs on a thread of its own from its place in the plan on, alongside
     * the calls after it, as a service's background job would; the run ends when they are done too.
     */
    void run(List<Step> steps) {
        List<Thread> retrying = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            Step step = steps.get(i);
            if (step.burst()) {
                int end = i;
                while (end < steps.size() && steps.get(end).burst()) {
                    end++;
                }
                burst(steps, i, end);
                i = end;
            } else if (step.retrying() != null) {
                int index = i;
                Thread thread = new Thread(() -> retried(index, step),
                        "demo-" + step.retrying().name().toLowerCase(Locale.ROOT) + "-" + index);
                thread.start();
                retrying.add(thread);
                i++;
            } else {
                report(i, System.nanoTime(), () -> call(step));
                i++;
            }
        }
        for (Thread thread : retrying) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Makes a call as its retrying client does: attempt after attempt, waiting in between as the client's
     * policy says, until an attempt ends in a way not worth retrying or {@link Retrying#MAX_ATTEMPTS} are made.
     */
    private void retried(int index, Step step) {
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            Reply reply;
            try {
                reply = reply(step);
            } catch (Exception e) {
                reply = new Reply(Observation.failure(e), null);
            }
            report(index, start, reply.seen());
            if (attempt == Retrying.MAX_ATTEMPTS || !Retrying.retryable(reply.seen())) {
                return;
            }
            Duration wait = step.retrying().waitBefore(attempt,
                    Retrying.retryAfter(reply.retryAfter(), Instant.now()));
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** What one attempt got back, and the {@code Retry-After} of its response, if it had one. */
    private record Reply(Observation seen, String retryAfter) {
    }

    /** One attempt of a retried call, through its client. */
    private Reply reply(Step step) throws Exception {
        switch (step.via()) {
            case SEND:
                return reply(client.send(request(step), HttpResponse.BodyHandlers.ofString()));
            case SEND_ASYNC:
                return reply(awaitResponse(client.sendAsync(request(step), HttpResponse.BodyHandlers.ofString())));
            case URL_CONNECTION:
                return urlConnection(step);
            default:
                throw new IllegalStateException("unknown client " + step.via());
        }
    }

    private static Reply reply(HttpResponse<?> response) {
        return new Reply(Observation.status(response.statusCode()),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private void burst(List<Step> steps, int from, int to) {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = from; i < to; i++) {
            futures.add(client.sendAsync(request(steps.get(i)), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = from; i < to; i++) {
            CompletableFuture<HttpResponse<String>> future = futures.get(i - from);
            report(i, start, () -> Observation.status(awaitResponse(future).statusCode()));
        }
    }

    /** Makes one call and says what the application saw; throws what the client threw. */
    private Observation call(Step step) throws Exception {
        switch (step.via()) {
            case SEND:
                return step.cancelAfter() == null
                        ? Observation.status(client.send(request(step), HttpResponse.BodyHandlers.ofString()).statusCode())
                        : sendThenInterrupt(step);
            case SEND_ASYNC:
                CompletableFuture<HttpResponse<String>> future =
                        client.sendAsync(request(step), HttpResponse.BodyHandlers.ofString());
                if (step.cancelAfter() != null) {
                    try {
                        return Observation.status(future.get(step.cancelAfter().toMillis(), TimeUnit.MILLISECONDS)
                                .statusCode());
                    } catch (TimeoutException stillWaiting) {
                        future.cancel(true);
                    }
                }
                return Observation.status(awaitResponse(future).statusCode());
            case URL_CONNECTION:
                return urlConnection(step).seen();
            default:
                throw new IllegalStateException("unknown client " + step.via());
        }
    }

    /** {@code send} on another thread, interrupted while it waits: what a request-scoped deadline does. */
    private Observation sendThenInterrupt(Step step) throws Exception {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.set(client.send(request(step), HttpResponse.BodyHandlers.ofString()).statusCode());
            } catch (Exception e) {
                outcome.set(e);
            }
        }, "demo-interrupted-caller");
        caller.start();
        caller.join(step.cancelAfter().toMillis());
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));
        Object result = outcome.get();
        if (result instanceof Exception e) {
            throw e;
        }
        if (result == null) {
            throw new IllegalStateException("send did not return after the interrupt");
        }
        return Observation.status((Integer) result);
    }

    private static <T> T awaitResponse(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private HttpRequest request(Step step) {
        HttpRequest.BodyPublisher body = step.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(step.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(step))
                .method(step.method(), body)
                .header("Accept", "application/json");
        if (step.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (step.credential().isPresent()) {
            request.header(step.credential().header(), step.credential().value());
        }
        if (step.timeout() != null) {
            request.timeout(step.timeout());
        }
        return request.build();
    }

    private Reply urlConnection(Step step) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri(step).toURL().openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(step.method());
        connection.setRequestProperty("Accept", "application/json");
        if (step.credential().isPresent()) {
            connection.setRequestProperty(step.credential().header(), step.credential().value());
        }
        if (step.timeout() != null) {
            connection.setConnectTimeout((int) step.timeout().toMillis());
            connection.setReadTimeout((int) step.timeout().toMillis());
        }
        if (step.body() != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(step.body().getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return new Reply(Observation.status(status), connection.getHeaderField("Retry-After"));
    }

    URI uri(Step step) {
        URI base = switch (step.target()) {
            case HTTP -> http;
            case HTTPS -> https;
            case CLOSED_PORT -> closedPort;
        };
        return URI.create(base + step.path());
    }

    @FunctionalInterface
    private interface Call {
        Observation make() throws Exception;
    }

    /** Makes or awaits a call and prints what the application saw; a burst's calls are timed from their start. */
    private void report(int index, long startNanos, Call call) {
        Observation seen;
        try {
            seen = call.make();
        } catch (Exception e) {
            seen = Observation.failure(e);
        }
        report(index, startNanos, seen);
    }

    /** Prints one attempt's line; {@code println} keeps lines whole when threads report at once. */
    private void report(int index, long startNanos, Observation seen) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        attempts.incrementAndGet();
        System.out.println(seen.at(index, millis).toLine());
    }

    private static void awaitQuit() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("quit")) {
                return;
            }
        }
    }
}
