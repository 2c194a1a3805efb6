package dev.currents.demo;

import dev.currents.demo.TextTable.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Holds the agent's counts against what the application itself saw of each call (its status, or its
 * exception read as SPEC section 3 reads it): every call should be counted once, under its client, route
 * and category. A difference is an agent bug, or a call the application made that the demo does not know.
 */
public final class AgreementSection implements SummarySection {
    private final Map<Key, Long> seenByApplication;

    /** A client, route and category: the level at which the application and the agent are compared. */
    record Key(String client, String route, String category) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::client, RequestCounts.CLIENTS)
                .thenComparing(Key::route)
                .thenComparing(Key::category, Categories.SPEC_ORDER);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** @param seenByApplication requests per client, route ({@code GET /v1/runs/{runId}}) and category */
    AgreementSection(Map<Key, Long> seenByApplication) {
        this.seenByApplication = new TreeMap<>(seenByApplication);
    }

    /** What the workload reported, attempt by attempt, against the plan it ran. */
    public static AgreementSection of(List<Step> steps, List<Observation> observations) {
        Map<Key, Long> seen = new TreeMap<>();
        for (Observation observation : observations) {
            Step step = steps.get(observation.index());
            seen.merge(new Key(step.via().clientTag, step.method() + " " + step.endpoint(),
                    observation.category()), 1L, Long::sum);
        }
        return new AgreementSection(seen);
    }

    @Override
    public String title() {
        return "Check: the agent's counts against what the application saw";
    }

    @Override
    public List<String> lines(Scrape scrape, int width) {
        List<Difference> differences = differences(scrape);
        long requests = seenByApplication.values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>();
        if (differences.isEmpty()) {
            lines.addAll(Summary.wrap("OK: each of the " + requests + " requests the application made (a retry is one"
                    + " too) was counted once, under its client and route, in the error category that matches what"
                    + " the application got back.", width));
            return lines;
        }
        lines.add("MISMATCH: the agent's counts differ from the " + requests + " requests the application made:");
        TextTable table = new TextTable(Column.left("client"), Column.left("request"),
                Column.left("error category"), Column.right("app saw"), Column.right("agent"));
        for (Difference d : differences) {
            table.row(d.key().client(), d.key().route(), d.key().category(), d.seen(), d.counted());
        }
        lines.addAll(table.render(width));
        return lines;
    }

    /** Whether the scrape agrees with the application, call for call. */
    public boolean agrees(Scrape scrape) {
        return differences(scrape).isEmpty();
    }

    private record Difference(Key key, long seen, long counted) {
    }

    private List<Difference> differences(Scrape scrape) {
        Map<Key, Long> recorded = RequestCounts.from(scrape)
                .countBy(s -> new Key(s.client(), s.route(), s.category()), Comparator.naturalOrder());
        Set<Key> keys = new TreeSet<>(seenByApplication.keySet());
        keys.addAll(recorded.keySet());
        List<Difference> differences = new ArrayList<>();
        for (Key key : keys) {
            long seen = seenByApplication.getOrDefault(key, 0L);
            long counted = recorded.getOrDefault(key, 0L);
            if (seen != counted) {
                differences.add(new Difference(key, seen, counted));
            }
        }
        return differences;
    }
}
