package dev.currents.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the application retried, from the agent's backoff meters alone (SPEC sections 4 and 5): for each
 * retrying client of the plan, per route, its retries and their waits, the {@code Retry-After} the server
 * advised against the wait, the violations, the finished chains with their result and policy; then a verdict
 * in words. Other routes with retries (a call that repeats one that failed just before counts as a retry)
 * follow, each with its own verdict.
 */
public final class BackoffSection implements SummarySection {
    /** A retry within this long is no backoff at all: the agent's default {@code min-delay}, a bucket bound. */
    static final double NO_BACKOFF_SECONDS = 0.1;
    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = 13;

    private final List<Client> clients;

    /**
     * A retrying client of the workload, named by what it is, and the routes it calls: the meters tell clients
     * apart only by route.
     */
    record Client(String name, String description, List<String> routes) {
        Client {
            routes = List.copyOf(routes);
        }
    }

    BackoffSection(List<Client> clients) {
        this.clients = List.copyOf(clients);
    }

    /** The retrying clients of the plan, in the order they first appear, each with its routes. */
    public static BackoffSection of(List<Step> steps) {
        Map<Retrying, Set<String>> routes = new LinkedHashMap<>();
        for (Step step : steps) {
            if (step.retrying() != null) {
                routes.computeIfAbsent(step.retrying(), r -> new LinkedHashSet<>()).add(step.route());
            }
        }
        List<Client> clients = new ArrayList<>();
        routes.forEach((retrying, its) -> clients.add(new Client(retrying.title, retrying.description,
                List.copyOf(its))));
        return new BackoffSection(clients);
    }

    @Override
    public String title() {
        return "Backoff: how the application retried";
    }

    @Override
    public List<String> lines(Scrape scrape, int width) {
        Map<String, BackoffMeters> byRoute = BackoffMeters.byRoute(scrape);
        Set<String> planned = clients.stream().flatMap(c -> c.routes().stream()).collect(Collectors.toSet());
        List<String> others = byRoute.entrySet().stream()
                .filter(e -> !planned.contains(e.getKey()) && e.getValue().hasRetries())
                .map(Map.Entry::getKey).toList();
        List<String> unretried = byRoute.entrySet().stream()
                .filter(e -> !planned.contains(e.getKey()) && e.getValue().onlyUnretriedFailures())
                .map(e -> e.getKey() + " after " + trigger(e.getValue())).toList();
        if (clients.isEmpty() && others.isEmpty() && unretried.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Summary.wrap("Per route, from the agent's backoff meters"
                + " (currents_api_backoff_*, currents_api_retry_*). A retry resends a request that failed (429, 5xx,"
                + " timeout, network error); its wait runs from the end of the failed attempt to the start of the"
                + " retry.", width));
        for (Client client : clients) {
            lines.add("");
            BackoffMeters all = new BackoffMeters();
            for (String route : client.routes()) {
                all = all.plus(byRoute.getOrDefault(route, new BackoffMeters()));
            }
            lines.addAll(wrap(client.name() + clientTags(all) + ": " + client.description(), "", INDENT, width));
            for (String route : client.routes()) {
                lines.addAll(route(route, byRoute.getOrDefault(route, new BackoffMeters()), width));
            }
            lines.addAll(wrap("verdict: " + verdict(all), INDENT, INDENT + INDENT, width));
        }
        if (!others.isEmpty()) {
            lines.add("");
            lines.addAll(wrap("other retries" + (clients.isEmpty() ? "" : ", by calls of the workload that repeat one"
                    + " that failed just before"), "", INDENT, width));
            for (String route : others) {
                BackoffMeters meters = byRoute.get(route);
                lines.addAll(route(route + clientTags(meters), meters, width));
                lines.addAll(wrap("verdict: " + verdict(meters), INDENT + INDENT, INDENT + INDENT + INDENT, width));
            }
        }
        if (!unretried.isEmpty()) {
            // Chains end as abandoned only once the agent's window has passed: never in the demo's own summary.
            lines.add("");
            lines.addAll(wrap("not retried (chains abandoned after their first attempt): "
                    + String.join("; ", unretried), "", INDENT, width));
        }
        return lines;
    }

    /** The lines of one route: what failed, the retries and their waits, Retry-After, violations, chains. */
    static List<String> route(String route, BackoffMeters m, int width) {
        List<String> lines = new ArrayList<>();
        String trigger = trigger(m);
        lines.addAll(wrap(route + (trigger.isEmpty() ? "" : ", after " + trigger), INDENT, INDENT + INDENT, width));
        String indent = INDENT + INDENT;
        if (!m.hasRetries()) {
            lines.addAll(wrap("no retries recorded", indent, indent, width));
            return lines;
        }
        lines.addAll(labelled("retries", retries(m), indent, width));
        m.meanRetryAfter().ifPresent(advised -> lines.addAll(labelled("Retry-After",
                "advised " + duration(advised) + " on average (" + m.retryAfterCount()
                        + plural(m.retryAfterCount(), " response", " responses") + "), waited "
                        + m.meanWait().map(BackoffSection::duration).orElse("-") + " on average",
                indent, width)));
        lines.addAll(labelled("violations", m.violationCount() == 0 ? "none" : counts(m.violations()), indent, width));
        lines.addAll(labelled(m.chainCount() <= 1 ? "chain" : "chains", chains(m), indent, width));
        return lines;
    }

    /** "3, all compliant: waited 250 ms, 500 ms, 1.00 s (mean 583 ms, max 1.00 s)" */
    static String retries(BackoffMeters m) {
        long retries = m.retries();
        if (retries == 0) {
            long resends = m.resendsByClient().values().stream().mapToLong(Long::longValue).sum();
            return resends > 0
                    ? "none recorded, though " + resends + plural(resends, " request was", " requests were")
                            + " tagged resend=\"true\""
                    : "none recorded, though the chains had " + m.chainAttempts() + " attempts";
        }
        String compliance = m.compliant() == retries ? (retries == 1 ? "compliant" : "all compliant")
                : m.compliant() == 0 ? (retries == 1 ? "not compliant" : "none compliant")
                : m.compliant() + " compliant";
        Map<String, Double> byAttempt = m.meanWaitByAttempt();
        boolean oneChain = m.retriesByAttempt().values().stream().allMatch(n -> n <= 1);
        String waits = byAttempt.entrySet().stream()
                .map(e -> (e.getKey().equals("5+") ? "then " : "") + duration(e.getValue()))
                .collect(Collectors.joining(", "));
        String max = m.maxWait().map(BackoffSection::duration)
                .or(() -> m.maxWaitBound().map(bound -> "at most " + duration(bound))).orElse("unknown");
        String summary = retries == 1 ? ""
                : " (mean " + m.meanWait().map(BackoffSection::duration).orElse("-") + ", max " + max + ")";
        return retries + ", " + compliance + ": " + (oneChain ? "waited " : "waited by retry number, on average, ")
                + waits + summary;
    }

    /**
     * "recovered after 4 attempts in 3.02 s; policy retry_after", or for several chains "3: 2 recovered,
     * 1 abandoned; 12 attempts, 5.00 s in all; policies exponential 2, immediate 1".
     */
    static String chains(BackoffMeters m) {
        long chains = m.chainCount();
        if (chains == 0) {
            return "still open: no success, no final error, and the agent's window has not passed";
        }
        String attempts = m.chainAttempts() + plural(m.chainAttempts(), " attempt", " attempts");
        if (chains == 1) {
            return m.chainsByResult().entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow()
                    .getKey() + " after " + attempts + m.chainSeconds().map(s -> " in " + duration(s)).orElse("")
                    + "; policy " + m.chainsByPolicy().keySet().iterator().next();
        }
        return chains + ": " + results(m.chainsByResult()) + "; " + attempts
                + m.chainSeconds().map(s -> ", " + duration(s)).orElse("") + " in all; policies "
                + counts(m.chainsByPolicy());
    }

    /**
     * The verdict in words, from the meters alone: what the waits looked like (the chains' policies) and what
     * was wrong with them (the violations). Retries that broke a rule and all came within
     * {@value #NO_BACKOFF_SECONDS} s are hammering.
     */
    static String verdict(BackoffMeters m) {
        long retries = m.retries();
        if (retries == 0) {
            return "no retries recorded";
        }
        Map<String, Long> violations = m.violations();
        long ignored = violations.getOrDefault("retry_after_ignored", 0L);
        long noBackoff = violations.getOrDefault("no_backoff", 0L);
        long notIncreasing = violations.getOrDefault("not_increasing", 0L);
        long quick = m.retriesWithin(NO_BACKOFF_SECONDS).orElse(noBackoff);
        if (quick >= retries && m.violationCount() > 0) {
            String verdict = "hammers: " + retries + plural(retries, " retry", " retries") + " without backoff";
            return ignored == 0 ? verdict : verdict + ", ignoring Retry-After " + times(ignored);
        }
        String waits = policies(m);
        if (m.violationCount() == 0) {
            return waits.isEmpty()
                    ? retries + plural(retries, " retry", " retries") + " within the rules, chain not finished yet"
                    : waits;
        }
        List<String> faults = new ArrayList<>();
        if (noBackoff > 0) {
            faults.add(noBackoff + plural(noBackoff, " retry", " retries") + " without backoff");
        }
        if (ignored > 0) {
            faults.add("ignores Retry-After (" + times(ignored) + ")");
        }
        if (notIncreasing > 0) {
            faults.add("its waits do not grow on 429 (" + notIncreasing + plural(notIncreasing, " chain", " chains")
                    + ")");
        }
        return (waits.isEmpty() ? "retries" : waits) + ", but " + String.join(", ", faults);
    }

    /** "backs off exponentially and honours Retry-After": the chains' policies in words. */
    private static String policies(BackoffMeters m) {
        Set<String> policies = m.chainsByPolicy().keySet();
        List<String> words = new ArrayList<>();
        for (String policy : List.of("exponential", "retry_after", "constant", "irregular", "inconclusive",
                "immediate")) {
            if (policies.contains(policy)) {
                words.add(switch (policy) {
                    case "exponential" -> "backs off exponentially";
                    case "retry_after" -> "honours Retry-After";
                    case "constant" -> "waits a constant time";
                    case "irregular" -> "waits irregularly";
                    case "inconclusive" -> "waits, too few times or too unevenly to tell how";
                    default -> "retries at once";
                });
            }
        }
        if (words.isEmpty() && policies.contains("single")) {
            words.add("retried once");
        }
        return String.join(" and ", words);
    }

    /** "429 with Retry-After", "429 without Retry-After", "network error", "5xx or timeout". */
    static String trigger(BackoffMeters m) {
        List<String> words = new ArrayList<>();
        for (String trigger : m.triggers()) {
            words.add(switch (trigger) {
                case "too_many_requests" -> "429 " + (m.retryAfterCount() > 0 ? "with" : "without") + " Retry-After";
                case "server_error" -> "5xx";
                case "client_error" -> "408";
                case "network_error" -> "network error";
                default -> trigger;
            });
        }
        return String.join(" or ", words);
    }

    /** " (java-http-client)": the clients whose requests on these routes were resends. */
    private static String clientTags(BackoffMeters m) {
        return m.resendsByClient().isEmpty() ? "" : " (" + String.join(", ", m.resendsByClient().keySet()) + ")";
    }

    /** "retry_after_ignored 3, no_backoff 3" */
    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** "2 recovered, 1 abandoned" */
    private static String results(Map<String, Long> chainsByResult) {
        return chainsByResult.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** "0.4 ms", "250 ms", "1.00 s", "12.5 s" */
    static String duration(double seconds) {
        double millis = seconds * 1000;
        if (millis < 9.95) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        if (millis < 999.5) {
            return Math.round(millis) + " ms";
        }
        return String.format(Locale.ROOT, seconds < 9.995 ? "%.2f s" : "%.1f s", seconds);
    }

    private static String times(long n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }

    private static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** "    retries      3, all compliant: ...", continued under the value. */
    private static List<String> labelled(String label, String value, String indent, int width) {
        String head = indent + label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
        return wrap(value, head, " ".repeat(head.length()), width);
    }

    /** Wraps at spaces; the first line after {@code first}, the others after {@code rest}. */
    static List<String> wrap(String text, String first, String rest, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.trim().split(" +")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        if (!empty) {
            lines.add(line.toString());
        }
        return lines;
    }
}
