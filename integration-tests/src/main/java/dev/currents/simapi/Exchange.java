package dev.currents.simapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request as the simulator's behaviour sees it, free of Jetty types so that behaviour stays plain Java.
 *
 * @param protocol {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param query   the raw query string without {@code ?}, empty when there is none
 * @param headers case-insensitive names, every value in arrival order
 * @param body    decoded as UTF-8: the simulator only looks into small JSON bodies
 */
record Exchange(Instant receivedAt, String scheme, String protocol, String method, String path, String query,
                Map<String, List<String>> headers, String body, int bodyBytes, int clientPort) {

    Exchange {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
        headers = caseInsensitive;
    }

    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, URL-decoded. */
    Optional<String> queryParam(String name) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** Lenient: a client's malformed escape is taken as written, not turned into a 500. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
