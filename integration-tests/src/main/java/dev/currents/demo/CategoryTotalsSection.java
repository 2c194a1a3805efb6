package dev.currents.demo;

import dev.currents.demo.RequestCounts.Series;
import dev.currents.demo.TextTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests per error category (every category that occurred, in the order of SPEC section 3), split by
 * client, with a total row; and the categories that did not occur.
 */
public final class CategoryTotalsSection implements SummarySection {

    @Override
    public String title() {
        return "Requests by error category";
    }

    @Override
    public List<String> lines(Scrape scrape, int width) {
        RequestCounts counts = RequestCounts.from(scrape);
        if (counts.total() == 0) {
            return List.of();
        }
        List<String> clients = List.copyOf(counts.countBy(Series::client, RequestCounts.CLIENTS).keySet());
        Map<String, Long> byCategory = counts.countBy(Series::category, Categories.SPEC_ORDER);
        Map<List<String>, Long> byCategoryAndClient = counts.countBy(s -> List.of(s.category(), s.client()));

        List<Column> columns = new ArrayList<>();
        columns.add(Column.left("error category"));
        clients.forEach(client -> columns.add(Column.right(client)));
        columns.add(Column.right("total"));
        TextTable table = new TextTable(columns);
        for (Map.Entry<String, Long> category : byCategory.entrySet()) {
            if (category.getValue() == 0) {
                continue;
            }
            List<Object> cells = new ArrayList<>();
            cells.add(category.getKey());
            for (String client : clients) {
                long n = byCategoryAndClient.getOrDefault(List.of(category.getKey(), client), 0L);
                cells.add(n == 0 ? "." : n);
            }
            cells.add(category.getValue());
            table.row(cells.toArray());
        }
        table.rule();
        List<Object> total = new ArrayList<>();
        total.add("all");
        Map<String, Long> byClient = counts.countBy(Series::client);
        clients.forEach(client -> total.add(byClient.get(client)));
        total.add(counts.total());
        table.row(total.toArray());

        List<String> lines = new ArrayList<>(table.render(width));
        List<String> missing = Categories.ALL.stream().filter(c -> byCategory.getOrDefault(c, 0L) == 0).toList();
        lines.add("");
        lines.add(missing.isEmpty()
                ? "All " + Categories.ALL.size() + " error categories of SPEC section 3 occurred."
                : "Not seen: " + String.join(", ", missing) + ".");
        return lines;
    }
}
