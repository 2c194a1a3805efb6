package dev.currents.simapi;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a request's credential the way its service does, and names the key its rate limit belongs to. */
final class Authenticator {
    /** Enough to find the record key in the small JSON bodies of the recording service. */
    private static final Pattern RECORD_KEY_IN_BODY = Pattern.compile("\"recordKey\"\\s*:\\s*\"([^\"]*)\"");

    private final Keys keys;

    /** The key a request authenticated with, or the 401 or 403 that refuses it. */
    record Outcome(String key, Answer.Reply refusal) {
        static Outcome accepted(String key) {
            return new Outcome(key, null);
        }

        static Outcome refused(Answer.Reply refusal) {
            return new Outcome(null, refusal);
        }

        boolean isRefused() {
            return refusal != null;
        }
    }

    Authenticator(Keys keys) {
        this.keys = keys;
    }

    Outcome authenticate(Service service, Exchange exchange) {
        return service == Service.REST ? apiKey(exchange) : recordKey(exchange);
    }

    private Outcome apiKey(Exchange exchange) {
        Optional<String> key = exchange.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        if (key.isEmpty()) {
            return Outcome.refused(Service.REST.error(401, "Unauthorized: missing API key"));
        }
        if (!keys.isApiKey(key.get())) {
            return Outcome.refused(Service.REST.error(401, "Unauthorized: invalid API key"));
        }
        if (exchange.isWrite() && !keys.canWrite(key.get())) {
            return Outcome.refused(Service.REST.error(403, "Forbidden: the API key is read-only"));
        }
        return Outcome.accepted(key.get());
    }

    private Outcome recordKey(Exchange exchange) {
        Optional<String> key = exchange.header("x-currents-key").or(() -> recordKeyInBody(exchange.body()));
        if (key.isEmpty() || !keys.isRecordKey(key.get())) {
            return Outcome.refused(Service.RECORDING.error(401,
                    key.isEmpty() ? "Missing record key" : "Invalid record key", "UNAUTHORIZED"));
        }
        return Outcome.accepted(key.get());
    }

    private static Optional<String> recordKeyInBody(String body) {
        Matcher matcher = RECORD_KEY_IN_BODY.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
