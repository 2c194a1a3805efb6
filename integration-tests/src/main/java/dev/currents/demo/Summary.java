package dev.currents.demo;

import java.util.ArrayList;
import java.util.List;

/** The demo's report: its sections, one after the other, each under its title. */
public final class Summary {
    /** Fits a terminal of 100 columns. */
    public static final int DEFAULT_WIDTH = 100;

    private final List<SummarySection> sections;
    private final int width;

    public Summary(List<SummarySection> sections, int width) {
        this.sections = List.copyOf(sections);
        this.width = width;
    }

    public String render(Scrape scrape) {
        List<String> out = new ArrayList<>();
        for (SummarySection section : sections) {
            List<String> lines = section.lines(scrape, width);
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            out.add("== " + section.title() + " " + "=".repeat(Math.max(2, width - section.title().length() - 4)));
            out.addAll(lines);
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** Breaks text into lines of at most {@code width} characters at spaces; a longer word gets its own line. */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
