package dev.currents.simapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Says how often and what a script answers. A script answers one request unless told {@link #times(int)}
 * or {@link #always()}, and then the normal behaviour answers again. Ends with one of {@link #respond},
 * {@link #delay}, {@link #resetConnection()}, {@link #closeConnection()}, {@link #resetStream()} or {@link #goAway()},
 * which installs it.
 */
public final class ScriptBuilder {
    private final Scripts scripts;
    private final String method;
    private final String path;
    private final boolean prefix;
    private int uses = 1;
    private Duration delay = Duration.ZERO;

    ScriptBuilder(Scripts scripts, String method, String path, boolean prefix) {
        this.scripts = scripts;
        this.method = method;
        this.path = Objects.requireNonNull(path, "path");
        this.prefix = prefix;
    }

    /** Answers the next {@code count} matching requests, then lets the normal behaviour answer. */
    public ScriptBuilder times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a script answers at least once");
        }
        uses = count;
        return this;
    }

    /** Answers every matching request until {@link Scripts#clear()} or {@link SimulatedCurrentsApi#reset()}. */
    public ScriptBuilder always() {
        uses = Script.STICKY;
        return this;
    }

    /** Waits this long before the action: a slow server, for timeouts that still end in an answer. */
    public ScriptBuilder after(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay;
        return this;
    }

    /**
     * Answers with this status. For 4xx and 5xx the body is the error body of the path's service, with the
     * status's reason phrase as message; other statuses get no body.
     */
    public void respond(int status) {
        install((exchange, normal) -> status >= 400
                ? normal.serviceOf(exchange).error(status, HttpStatus.getMessage(status))
                : new Answer.Reply(status, Map.of(), ""));
    }

    /** Answers with this status and JSON body. */
    public void respond(int status, String jsonBody) {
        respond(status, jsonBody, Map.of());
    }

    /**
     * Answers with this status, body and headers, e.g. {@code respond(301, "", Map.of("Location", url))}.
     * A non-empty body is {@code application/json} unless the headers give a {@code Content-Type}.
     */
    public void respond(int status, String body, Map<String, String> headers) {
        Map<String, String> allHeaders = new LinkedHashMap<>();
        boolean typed = headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (!body.isEmpty() && !typed) {
            allHeaders.put("Content-Type", "application/json; charset=utf-8");
        }
        allHeaders.putAll(headers);
        Answer.Reply reply = new Answer.Reply(status, allHeaders, body);
        install((exchange, normal) -> reply);
    }

    /**
     * Answers normally, {@code delay} late: long enough, the client times out first. The normal answer
     * (and its rate-limit token) is decided when the request arrives.
     */
    public void delay(Duration delay) {
        after(delay).install((exchange, normal) -> normal.answer(exchange));
    }

    /** Aborts the connection with a TCP RST instead of answering. */
    public void resetConnection() {
        install((exchange, normal) -> Answer.Abort.RESET_CONNECTION);
    }

    /** Closes the connection without answering. */
    public void closeConnection() {
        install((exchange, normal) -> Answer.Abort.CLOSE_CONNECTION);
    }

    /** Over HTTP/2, resets the request's stream instead of answering; the connection's other streams go on. */
    public void resetStream() {
        install((exchange, normal) -> Answer.Abort.RESET_STREAM);
    }

    /** Over HTTP/2, sends GOAWAY and closes the connection instead of answering. */
    public void goAway() {
        install((exchange, normal) -> Answer.Abort.GO_AWAY);
    }

    private void install(Script.Action action) {
        scripts.add(new Script(method, path, prefix, uses, delay, action));
    }
}
