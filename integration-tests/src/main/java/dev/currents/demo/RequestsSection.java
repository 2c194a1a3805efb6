package dev.currents.demo;

import dev.currents.demo.RequestCounts.Series;
import dev.currents.demo.TextTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the agent counted in {@code currents_api_requests_seconds_count}: a line of context, then one row per
 * client, route, status and error category (the client named once per group), summed over the tags the
 * table leaves out (server address, resend).
 */
public final class RequestsSection implements SummarySection {
    /** {@code currents.agent.errors}: exceptions inside the agent, caught before they reached the application. */
    static final String AGENT_ERRORS_SERIES = "currents_agent_errors_total";

    @Override
    public String title() {
        return "Requests recorded by the agent (" + RequestCounts.COUNT_SERIES + ")";
    }

    @Override
    public List<String> lines(Scrape scrape, int width) {
        RequestCounts counts = RequestCounts.from(scrape);
        List<String> lines = new ArrayList<>();
        if (counts.total() == 0) {
            lines.add("No requests recorded: the agent saw no call to an instrumented host.");
            return lines;
        }
        lines.addAll(Summary.wrap(context(counts, scrape), width));
        lines.add("");
        TextTable table = new TextTable(Column.left("client"), Column.left("request"), Column.left("status"),
                Column.left("error category"), Column.right("count"));
        Map<Row, Long> rows = counts.countBy(s -> new Row(s.client(), s.route(), s.status(), s.category()));
        String previousClient = null;
        for (Map.Entry<Row, Long> row : rows.entrySet()) {
            if (row.getValue() == 0) {
                continue;
            }
            Row key = row.getKey();
            boolean sameClient = Objects.equals(previousClient, key.client());
            table.row(sameClient ? "" : key.client(), key.route(), key.status(), key.category(), row.getValue());
            previousClient = key.client();
        }
        lines.addAll(table.render(width));
        return lines;
    }

    private record Row(String client, String route, String status, String category) {
    }

    /**
     * "38 requests over 2 clients (java-http-client 24, http-url-connection 14), 20 routes, 2 hosts (...);
     * resends 0; service.name ...; faults inside the agent 0."
     */
    static String context(RequestCounts counts, Scrape scrape) {
        Map<String, Long> byClient = counts.countBy(Series::client, RequestCounts.CLIENTS);
        long routes = counts.series().stream().filter(s -> s.count() > 0).map(Series::route).distinct().count();
        List<String> hosts = counts.series().stream().filter(s -> s.count() > 0).map(Series::serverAddress)
                .distinct().sorted().toList();
        long resends = counts.series().stream().filter(Series::resend).mapToLong(Series::count).sum();
        String service = scrape.named(RequestCounts.COUNT_SERIES).stream().map(s -> s.label("service_name"))
                .filter(name -> !name.isEmpty()).findFirst().orElse("(none)");
        String agentErrors = scrape.named(AGENT_ERRORS_SERIES).isEmpty()
                ? "not in the scrape"
                : Long.toString(Math.round(scrape.sum(AGENT_ERRORS_SERIES)));
        return counts.total() + plural(counts.total(), " request", " requests") + " over " + byClient.size()
                + plural(byClient.size(), " client", " clients") + " (" + joinCounts(byClient) + "), " + routes
                + plural(routes, " route", " routes") + ", " + hosts.size() + plural(hosts.size(), " host", " hosts")
                + " (" + String.join(", ", hosts) + "); resends " + resends + "; service.name " + service
                + "; faults inside the agent (" + AGENT_ERRORS_SERIES + "): " + agentErrors + ".";
    }

    static String joinCounts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
