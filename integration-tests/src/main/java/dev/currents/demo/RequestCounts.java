package dev.currents.demo;

import dev.currents.demo.PrometheusText.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The agent's {@code currents.api.requests} timer as counts: one {@link Series} per tag combination of
 * {@code currents_api_requests_seconds_count}, the Prometheus face of SPEC section 4.
 */
public final class RequestCounts {
    /** The count series of the request timer. */
    public static final String COUNT_SERIES = "currents_api_requests_seconds_count";

    /** The clients of SPEC section 4, in its order; others sort after them by name. */
    private static final List<String> CLIENT_ORDER = List.of("java-http-client", "http-url-connection", "okhttp",
            "apache-httpclient-4", "apache-httpclient-5", "jetty-httpclient", "reactor-netty",
            "async-http-client", "vertx-http-client", "micronaut-http-client", "armeria-client");

    /** Clients in spec order, then by name. */
    public static final Comparator<String> CLIENTS = Comparator
            .comparingInt((String client) -> CLIENT_ORDER.contains(client) ? CLIENT_ORDER.indexOf(client) : CLIENT_ORDER.size())
            .thenComparing(Comparator.naturalOrder());

    /** By client, then endpoint, then method, then category, then status. */
    static final Comparator<Series> TABLE_ORDER = Comparator.comparing(Series::client, CLIENTS)
            .thenComparing(Series::endpoint)
            .thenComparing(Series::method)
            .thenComparing(Series::category, Categories.SPEC_ORDER)
            .thenComparing(Series::status);

    private final List<Series> series;

    /** One time series of the count: its tags and how many attempts it counted. */
    public record Series(String client, String method, String endpoint, String status, String category,
                         String serverAddress, boolean resend, long count) {
        /** {@code GET /v1/runs/{runId}} */
        public String route() {
            return method + " " + endpoint;
        }
    }

    RequestCounts(List<Series> series) {
        this.series = series.stream().sorted(TABLE_ORDER).toList();
    }

    public static RequestCounts from(Scrape scrape) {
        List<Series> series = new ArrayList<>();
        for (Sample sample : scrape.named(COUNT_SERIES)) {
            series.add(new Series(sample.label("client"), sample.label("method"), sample.label("endpoint"),
                    sample.label("status"), sample.label("error_category"), sample.label("server_address"),
                    Boolean.parseBoolean(sample.label("resend")), Math.round(sample.value())));
        }
        return new RequestCounts(series);
    }

    /** Every series, in {@link #TABLE_ORDER}, including those that counted nothing. */
    public List<Series> series() {
        return series;
    }

    public long total() {
        return series.stream().mapToLong(Series::count).sum();
    }

    /** Counts grouped by a key, in the key's natural order or the given one. */
    public <K> Map<K, Long> countBy(Function<Series, K> key, Comparator<? super K> order) {
        Map<K, Long> counts = new TreeMap<>(order);
        for (Series s : series) {
            counts.merge(key.apply(s), s.count(), Long::sum);
        }
        return counts;
    }

    /** Counts grouped by a key, in order of first appearance in {@link #TABLE_ORDER}. */
    public <K> Map<K, Long> countBy(Function<Series, K> key) {
        Map<K, Long> counts = new LinkedHashMap<>();
        for (Series s : series) {
            counts.merge(key.apply(s), s.count(), Long::sum);
        }
        return counts;
    }
}
