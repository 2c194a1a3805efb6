package dev.currents.demo;

import java.util.List;

/**
 * One part of the demo's summary, read from a scrape of the agent's {@code /metrics}. The summary prints
 * each section's title and lines in order, so a new view of the agent's meters (the backoff meters of SPEC
 * section 4, say) is one more implementation added to {@link Summary}.
 */
public interface SummarySection {
    /** A short heading, printed above the section. */
    String title();

    /**
     * The section's lines, none wider than {@code width} where it can help it; empty when the scrape has
     * nothing for this section, and then the summary leaves it out altogether.
     */
    List<String> lines(Scrape scrape, int width);
}
