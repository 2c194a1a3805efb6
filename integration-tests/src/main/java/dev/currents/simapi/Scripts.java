package dev.currents.simapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Scripted answers that take precedence over the normal behaviour (routes, keys, rate limits), for tests
 * that need a particular failure. When several scripts match a request, the one added first answers, so
 * scripts for one path form a queue:
 *
 * <pre>{@code
 * api.script().on("GET", "/v1/runs/" + runId).times(2).respond(503);   // two 503s...
 * api.script().on("GET", "/v1/runs/" + runId).resetConnection();       // ...then a reset, then normal
 * api.script().onPathPrefix("/v1/projects").always().delay(Duration.ofSeconds(3));
 * }</pre>
 *
 * Paths are compared without the query string.
 */
public final class Scripts {
    private final List<Script> scripts = new ArrayList<>();

    Scripts() {
    }

    /** Requests with this method (e.g. {@code GET}) and exactly this path. */
    public ScriptBuilder on(String method, String path) {
        return new ScriptBuilder(this, method, path, false);
    }

    /** Requests with any method and exactly this path. */
    public ScriptBuilder onPath(String path) {
        return new ScriptBuilder(this, null, path, false);
    }

    /** Requests with any method whose path starts with {@code prefix}. */
    public ScriptBuilder onPathPrefix(String prefix) {
        return new ScriptBuilder(this, null, prefix, true);
    }

    /** Requests with this method whose path starts with {@code prefix}. */
    public ScriptBuilder onPathPrefix(String method, String prefix) {
        return new ScriptBuilder(this, method, prefix, true);
    }

    /** Forgets every script, used or not. */
    public synchronized void clear() {
        scripts.clear();
    }

    synchronized void add(Script script) {
        scripts.add(script);
    }

    /** Takes one use of the first script that matches, dropping it once it is used up. */
    synchronized Optional<Script> take(Exchange exchange) {
        for (Iterator<Script> it = scripts.iterator(); it.hasNext(); ) {
            Script script = it.next();
            if (script.matches(exchange) && script.use()) {
                if (script.isUsedUp()) {
                    it.remove();
                }
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }
}
