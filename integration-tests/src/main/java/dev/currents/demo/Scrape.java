package dev.currents.demo;

import dev.currents.demo.PrometheusText.Sample;
import java.util.List;

/** One scrape of the agent's {@code /metrics}: what every summary section reads. */
public final class Scrape {
    private final List<Sample> samples;

    public Scrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static Scrape parse(String prometheusText) {
        return new Scrape(PrometheusText.parse(prometheusText));
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one series name, e.g. {@code currents_api_requests_seconds_count}. */
    public List<Sample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    /** The sum of the values of a series name; 0 when it is absent. */
    public double sum(String name) {
        return named(name).stream().mapToDouble(Sample::value).sum();
    }
}
