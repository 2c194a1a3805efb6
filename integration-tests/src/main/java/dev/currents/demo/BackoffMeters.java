package dev.currents.demo;

import dev.currents.demo.PrometheusText.Sample;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agent's backoff meters (SPEC sections 4 and 5) of one route, or of several routes merged: its retries
 * and their waits, the violations, the finished retry chains, the {@code Retry-After} the server advised, and
 * which clients resent. Read from a scrape by {@link #byRoute(Scrape)}; the tags the meters carry besides
 * method and endpoint are summed over.
 */
public final class BackoffMeters {
    static final String DELAY = "currents_api_backoff_delay_seconds";
    static final String VIOLATIONS = "currents_api_backoff_violations_total";
    static final String CHAINS = "currents_api_retry_chains_total";
    static final String CHAIN_ATTEMPTS = "currents_api_retry_chain_attempts";
    static final String CHAIN_DURATION = "currents_api_retry_chain_duration_seconds";
    static final String RETRY_AFTER = "currents_api_retry_after_seconds";

    /** The values of the {@code attempt} tag, in order. */
    static final List<String> ATTEMPTS = List.of("1", "2", "3", "4", "5+");
    /** The values of the {@code reason} tag, in the order of SPEC section 4. */
    static final List<String> REASONS = List.of("retry_after_ignored", "no_backoff", "not_increasing");
    /** The values of the {@code result} tag, in the order of SPEC section 4. */
    static final List<String> RESULTS = List.of("recovered", "failed", "abandoned");
    /** The values of the {@code policy} tag, in the order of SPEC section 4, then the README's {@code inconclusive}. */
    static final List<String> POLICIES = List.of("immediate", "constant", "exponential", "retry_after", "irregular",
            "single", "inconclusive");
    /** The values of the {@code trigger} tag, in the order of SPEC section 4. */
    static final List<String> TRIGGERS = List.of("too_many_requests", "server_error", "timeout", "network_error",
            "client_error");

    private final Set<String> triggers = new TreeSet<>(inOrder(TRIGGERS));
    private final Map<String, Long> retriesByAttempt = new TreeMap<>(inOrder(ATTEMPTS));
    private final Map<String, Double> waitSecondsByAttempt = new TreeMap<>(inOrder(ATTEMPTS));
    private long compliant;
    private double maxWaitSeconds = Double.NaN;
    /** Cumulative counts of the delay histogram by upper bound, summed over its series. */
    private final SortedMap<Double, Long> waitBuckets = new TreeMap<>();
    private final Map<String, Long> violations = new TreeMap<>(inOrder(REASONS));
    private final Map<String, Map<String, Long>> chains = new TreeMap<>(inOrder(RESULTS));
    private long chainAttempts;
    private long chainsTimed;
    private double chainSeconds;
    private long retryAfterCount;
    private double retryAfterSeconds;
    private final Map<String, Long> resendsByClient = new TreeMap<>(RequestCounts.CLIENTS);

    BackoffMeters() {
    }

    /**
     * The backoff meters of every route that has any (a retry, a finished chain, a {@code Retry-After} or a
     * resend), by route ({@code GET /v1/runs/{runId}}), in the order of the routes' names.
     */
    public static Map<String, BackoffMeters> byRoute(Scrape scrape) {
        Map<String, BackoffMeters> routes = new TreeMap<>();
        for (Sample sample : scrape.samples()) {
            if (!sample.name().startsWith("currents_api_")) {
                continue;
            }
            if (sample.name().equals(RequestCounts.COUNT_SERIES)) {
                if (sample.label("resend").equals("true") && sample.value() > 0) {
                    meters(routes, sample).resendsByClient.merge(sample.label("client"), Math.round(sample.value()),
                            Long::sum);
                }
                continue;
            }
            read(sample, routes);
        }
        return routes;
    }

    private static void read(Sample sample, Map<String, BackoffMeters> routes) {
        String name = sample.name();
        double value = sample.value();
        switch (name) {
            case DELAY + "_count" -> {
                BackoffMeters m = meters(routes, sample);
                m.trigger(sample);
                long n = Math.round(value);
                m.retriesByAttempt.merge(sample.label("attempt"), n, Long::sum);
                if (sample.label("compliant").equals("true")) {
                    m.compliant += n;
                }
            }
            case DELAY + "_sum" -> meters(routes, sample).waitSecondsByAttempt.merge(sample.label("attempt"), value,
                    Double::sum);
            case DELAY + "_max" -> {
                BackoffMeters m = meters(routes, sample);
                m.maxWaitSeconds = Double.isNaN(m.maxWaitSeconds) ? value : Math.max(m.maxWaitSeconds, value);
            }
            case DELAY + "_bucket" -> meters(routes, sample).waitBuckets.merge(PrometheusText.value(sample.label("le")),
                    Math.round(value), Long::sum);
            case VIOLATIONS -> {
                BackoffMeters m = meters(routes, sample);
                m.trigger(sample);
                m.violations.merge(sample.label("reason"), Math.round(value), Long::sum);
            }
            case CHAINS -> {
                BackoffMeters m = meters(routes, sample);
                m.trigger(sample);
                m.chains.computeIfAbsent(sample.label("result"), result -> new TreeMap<>(inOrder(POLICIES)))
                        .merge(sample.label("policy"), Math.round(value), Long::sum);
            }
            case CHAIN_ATTEMPTS + "_sum" -> meters(routes, sample).chainAttempts += Math.round(value);
            case CHAIN_DURATION + "_count" -> meters(routes, sample).chainsTimed += Math.round(value);
            case CHAIN_DURATION + "_sum" -> meters(routes, sample).chainSeconds += value;
            case RETRY_AFTER + "_count" -> meters(routes, sample).retryAfterCount += Math.round(value);
            case RETRY_AFTER + "_sum" -> meters(routes, sample).retryAfterSeconds += value;
            default -> {
                // Not a backoff meter, or one the summary does not show (the chain attempts' count and max).
            }
        }
    }

    private static BackoffMeters meters(Map<String, BackoffMeters> routes, Sample sample) {
        return routes.computeIfAbsent(sample.label("method") + " " + sample.label("endpoint"),
                route -> new BackoffMeters());
    }

    private void trigger(Sample sample) {
        if (!sample.label("trigger").isEmpty()) {
            triggers.add(sample.label("trigger"));
        }
    }

    /** These meters and {@code other}'s together, as if they were one route's. */
    public BackoffMeters plus(BackoffMeters other) {
        BackoffMeters sum = new BackoffMeters();
        for (BackoffMeters m : List.of(this, other)) {
            sum.triggers.addAll(m.triggers);
            m.retriesByAttempt.forEach((k, v) -> sum.retriesByAttempt.merge(k, v, Long::sum));
            m.waitSecondsByAttempt.forEach((k, v) -> sum.waitSecondsByAttempt.merge(k, v, Double::sum));
            sum.compliant += m.compliant;
            if (!Double.isNaN(m.maxWaitSeconds)) {
                sum.maxWaitSeconds = Double.isNaN(sum.maxWaitSeconds)
                        ? m.maxWaitSeconds : Math.max(sum.maxWaitSeconds, m.maxWaitSeconds);
            }
            m.waitBuckets.forEach((k, v) -> sum.waitBuckets.merge(k, v, Long::sum));
            m.violations.forEach((k, v) -> sum.violations.merge(k, v, Long::sum));
            m.chains.forEach((result, policies) -> policies.forEach((policy, n) -> sum.chains
                    .computeIfAbsent(result, r -> new TreeMap<>(inOrder(POLICIES))).merge(policy, n, Long::sum)));
            sum.chainAttempts += m.chainAttempts;
            sum.chainsTimed += m.chainsTimed;
            sum.chainSeconds += m.chainSeconds;
            sum.retryAfterCount += m.retryAfterCount;
            sum.retryAfterSeconds += m.retryAfterSeconds;
            m.resendsByClient.forEach((k, v) -> sum.resendsByClient.merge(k, v, Long::sum));
        }
        return sum;
    }

    /** What opened the chains: {@code too_many_requests}, {@code server_error}, ... in the spec's order. */
    public Set<String> triggers() {
        return Collections.unmodifiableSet(triggers);
    }

    /** Retries: samples of the backoff delay. */
    public long retries() {
        return retriesByAttempt.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Retries by their number in the chain ({@code 1} .. {@code 4}, {@code 5+}). */
    public Map<String, Long> retriesByAttempt() {
        return Collections.unmodifiableMap(retriesByAttempt);
    }

    /** The mean wait before the retries of this number in their chain, in seconds. */
    public Map<String, Double> meanWaitByAttempt() {
        Map<String, Double> means = new LinkedHashMap<>();
        retriesByAttempt.forEach((attempt, n) -> {
            if (n > 0) {
                means.put(attempt, waitSecondsByAttempt.getOrDefault(attempt, 0.0) / n);
            }
        });
        return means;
    }

    /** The mean wait before a retry, in seconds; empty without retries. */
    public Optional<Double> meanWait() {
        long retries = retries();
        return retries == 0 ? Optional.empty()
                : Optional.of(waitSecondsByAttempt.values().stream().mapToDouble(Double::doubleValue).sum() / retries);
    }

    /** The longest wait, from the timer's max; empty when the scrape has none (or it has decayed to 0). */
    public Optional<Double> maxWait() {
        return Double.isNaN(maxWaitSeconds) || maxWaitSeconds <= 0 && retries() > 0
                ? Optional.empty() : Optional.of(maxWaitSeconds);
    }

    /** The smallest histogram bound no wait exceeded, in seconds; empty without buckets. */
    public Optional<Double> maxWaitBound() {
        long retries = retries();
        return waitBuckets.entrySet().stream().filter(bucket -> bucket.getValue() >= retries)
                .map(Map.Entry::getKey).findFirst();
    }

    /** How many retries waited at most {@code seconds}, when the histogram has that bound. */
    public Optional<Long> retriesWithin(double seconds) {
        return Optional.ofNullable(waitBuckets.get(seconds));
    }

    /** Retries the agent judged compliant (SPEC section 5). */
    public long compliant() {
        return compliant;
    }

    /** Violations by reason, in the spec's order. */
    public Map<String, Long> violations() {
        return Collections.unmodifiableMap(violations);
    }

    public long violationCount() {
        return violations.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Finished chains by result, then policy. */
    public Map<String, Map<String, Long>> chains() {
        return Collections.unmodifiableMap(chains);
    }

    /** Finished chains by result. */
    public Map<String, Long> chainsByResult() {
        Map<String, Long> byResult = new TreeMap<>(inOrder(RESULTS));
        chains.forEach((result, policies) -> byResult.put(result,
                policies.values().stream().mapToLong(Long::longValue).sum()));
        return byResult;
    }

    /** Finished chains by policy. */
    public Map<String, Long> chainsByPolicy() {
        Map<String, Long> byPolicy = new TreeMap<>(inOrder(POLICIES));
        chains.values().forEach(policies -> policies.forEach((policy, n) -> byPolicy.merge(policy, n, Long::sum)));
        byPolicy.values().removeIf(n -> n == 0);
        return byPolicy;
    }

    public long chainCount() {
        return chains.values().stream().flatMap(policies -> policies.values().stream()).mapToLong(Long::longValue)
                .sum();
    }

    /** The attempts of the finished chains, each chain's first failed one included. */
    public long chainAttempts() {
        return chainAttempts;
    }

    /** How long the finished chains took, first attempt's start to last attempt's end, in all; empty if untimed. */
    public Optional<Double> chainSeconds() {
        return chainsTimed == 0 ? Optional.empty() : Optional.of(chainSeconds);
    }

    /** Responses that carried a parseable {@code Retry-After}. */
    public long retryAfterCount() {
        return retryAfterCount;
    }

    /** The mean {@code Retry-After} advised, in seconds; empty when none was. */
    public Optional<Double> meanRetryAfter() {
        return retryAfterCount == 0 ? Optional.empty() : Optional.of(retryAfterSeconds / retryAfterCount);
    }

    /** Requests tagged {@code resend="true"}, by client. */
    public Map<String, Long> resendsByClient() {
        return Collections.unmodifiableMap(resendsByClient);
    }

    /** A retry, a resend, or a finished chain of more than one attempt. A {@code Retry-After} alone is not. */
    public boolean hasRetries() {
        return retries() > 0 || !resendsByClient.isEmpty() || chainAttempts > chainCount();
    }

    /** Only failures nobody retried: finished chains of one attempt each, and no retry. */
    public boolean onlyUnretriedFailures() {
        return chainCount() > 0 && !hasRetries();
    }

    /** Known values in the given order, then others by name. */
    static Comparator<String> inOrder(List<String> known) {
        return Comparator.comparingInt((String v) -> known.contains(v) ? known.indexOf(v) : known.size())
                .thenComparing(Comparator.naturalOrder());
    }
}
