package dev.currents.simapi;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request that reached the simulated API, as tests assert on it. Credentials never get here: the values
 * of {@code Authorization}, {@code x-currents-key}, cookies and the body (which may hold a record key) are
 * not kept, so a test log or a failure message cannot leak them.
 *
 * @param receivedAt when the request's headers had arrived, for measuring a client's backoff from the
 *                   server side
 * @param scheme     {@code http} or {@code https}
 * @param query      raw query string without {@code ?}, empty when there is none
 * @param protocol   {@code HTTP/1.1} or {@code HTTP/2.0}: several {@code HTTP/2.0} requests with one {@link #clientPort}
 *                   were streams of one connection
 * @param headers    case-insensitive names; values of credential headers replaced by {@link #REDACTED}
 * @param status     the status answered, or {@link #NO_RESPONSE} when the connection was reset or closed
 * @param clientPort the client's TCP port: equal for requests that shared a keep-alive connection
 * @param bodyBytes  size of the request body
 */
public record ReceivedRequest(Instant receivedAt, String scheme, String protocol, String method, String path, String query,
                              Map<String, List<String>> headers, int status, int clientPort, int bodyBytes) {

    /** {@link #status()} of a request whose connection was reset or closed instead of answered. */
    public static final int NO_RESPONSE = 0;

    public static final String REDACTED = "<redacted>";

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "x-currents-key", "cookie");

    public ReceivedRequest {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
    }

    static ReceivedRequest of(Exchange exchange, Answer answer) {
        Map<String, List<String>> redacted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.headers().forEach((name, values) -> redacted.put(name,
                CREDENTIAL_HEADERS.contains(name.toLowerCase()) ? List.of(REDACTED) : values));
        return new ReceivedRequest(exchange.receivedAt(), exchange.scheme(), exchange.protocol(), exchange.method(),
                exchange.path(),
                exchange.query(), redacted, answer.status(), exchange.clientPort(), exchange.bodyBytes());
    }

    /** The first value of a header; credential headers answer {@link #REDACTED}. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " over " + scheme + " " + protocol
                + " -> " + (status == NO_RESPONSE ? "no response" : status);
    }
}
