package dev.currents.agent.config;

/** Where metrics go: the values of {@code currents.agent.metrics.exporter}, less {@code none}. */
public enum MetricsExporter {
  PROMETHEUS, OTLP, LOGGING
}
