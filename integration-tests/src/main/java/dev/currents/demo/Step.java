package dev.currents.demo;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One call of the demo's workload, and what the simulated API does with it when the normal behaviour would
 * not produce the failure the call is there to show. Plain JDK types only: the workload JVM reads the same
 * {@link Plan} as the launcher, which turns the {@link #script()} into a script of the simulated API.
 *
 * @param label       the call in words, for {@code --verbose}
 * @param via         the JDK client and the way it is called
 * @param method      HTTP method
 * @param target      the listener: plain, TLS, or a closed port
 * @param path        path and query
 * @param credential  how the key travels, or {@link Credential#none()}
 * @param body        JSON body, or null
 * @param timeout     the client's timeout, or null for none
 * @param cancelAfter cancel the call after this long (sendAsync: cancel the future; send: interrupt the
 *                    calling thread), or null
 * @param burst       sent with sendAsync together with the neighbouring burst calls, then awaited
 * @param endpoint    the route template the agent should tag the call with
 * @param script      how the simulated API answers instead of its normal behaviour, or null
 * @param retrying    how the application retries the call when it fails in a retryable way, or null: once
 */
public record Step(String label, Via via, String method, Target target, String path, Credential credential,
                   String body, Duration timeout, Duration cancelAfter, boolean burst, String endpoint,
                   ServerScript script, Retrying retrying) {

    public Step {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(endpoint, "endpoint");
        if (burst && via != Via.SEND_ASYNC) {
            throw new IllegalArgumentException("only sendAsync calls can be fired together");
        }
        if (retrying != null && (burst || cancelAfter != null)) {
            throw new IllegalArgumentException("a retried call is neither fired in a burst nor cancelled");
        }
    }

    /** A call made once, whatever happens. */
    public Step(String label, Via via, String method, Target target, String path, Credential credential,
                String body, Duration timeout, Duration cancelAfter, boolean burst, String endpoint,
                ServerScript script) {
        this(label, via, method, target, path, credential, body, timeout, cancelAfter, burst, endpoint, script,
                null);
    }

    /** {@code GET /v1/runs/{runId}}: method and route template, as the summary names a route. */
    public String route() {
        return method + " " + endpoint;
    }

    /** The path without its query, as the simulated API's scripts match it. */
    public String pathWithoutQuery() {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The JDK client and how the application calls it. */
    public enum Via {
        /** {@code java.net.http.HttpClient.send}. */
        SEND("java-http-client", "send"),
        /** {@code java.net.http.HttpClient.sendAsync}. */
        SEND_ASYNC("java-http-client", "sendAsync"),
        /** {@code java.net.HttpURLConnection}, redirects not followed. */
        URL_CONNECTION("http-url-connection", "HttpURLConnection");

        /** The agent's {@code client} tag for this client. */
        public final String clientTag;
        /** How the call is made, in words. */
        public final String description;

        Via(String clientTag, String description) {
            this.clientTag = clientTag;
            this.description = description;
        }
    }

    /** Where a call goes. */
    public enum Target {
        /** {@code http://127.0.0.1:PORT} */
        HTTP,
        /** {@code https://localhost:PORT} */
        HTTPS,
        /** {@code http://127.0.0.1:PORT} with nothing listening: the connection is refused. */
        CLOSED_PORT
    }

    /** The key of a call: a bearer API key, a record key in {@code x-currents-key}, or none. */
    public record Credential(String header, String value) {
        public static Credential none() {
            return new Credential(null, null);
        }

        public static Credential apiKey(String key) {
            return new Credential("Authorization", "Bearer " + key);
        }

        public static Credential recordKey(String key) {
            return new Credential("x-currents-key", key);
        }

        public boolean isPresent() {
            return header != null;
        }
    }

    /** What the simulated API does instead of answering normally; the launcher installs it before the run. */
    public sealed interface ServerScript {
        /** Answers with this status and headers (the service's error body for 4xx and 5xx). */
        record Respond(int status, Map<String, String> headers) implements ServerScript {
            public Respond {
                headers = Map.copyOf(headers);
            }
        }

        /** Answers normally, this late: the client gives up first. */
        record Delay(Duration delay) implements ServerScript {
        }

        /** Aborts the connection with a TCP RST instead of answering. */
        record Reset() implements ServerScript {
        }
    }
}
