package dev.currents.agent.config;

/** Where spans go: the values of {@code currents.agent.traces.exporter}, less {@code none}. */
public enum TracesExporter {
  OTLP, LOGGING
}
