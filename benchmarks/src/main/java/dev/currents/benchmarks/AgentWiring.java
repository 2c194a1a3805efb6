package dev.currents.benchmarks;

import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.common.backoff.BackoffSettings;
import dev.currents.agent.common.backoff.RetryChains;
import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.metrics.BackoffMetrics;
import dev.currents.agent.metrics.RequestMetrics;
import dev.currents.agent.telemetry.ChainSweeper;
import dev.currents.agent.telemetry.MeterLabels;
import dev.currents.agent.telemetry.TelemetryRecorder;
import dev.currents.agent.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The agent's recorder wired as {@code AgentInstaller.recorder} wires it (a copy: that method is private). Keep
 * the two in step when the installer changes.
 */
public final class AgentWiring {

  private AgentWiring() {}

  public static TelemetryRecorder recorder(AgentConfig config, MeterRegistry registry, Tracing tracing) {
    BackoffMetrics backoff = new BackoffMetrics(registry);
    ChainSweeper sweeper = new ChainSweeper();
    RetryChains<MeterLabels> chains =
        new RetryChains<>(
            BackoffSettings.of(config.backoffWindow(), config.backoffMinDelay(), config.backoffMaxOpenChains()),
            backoff,
            sweeper::wake);
    sweeper.start(chains);
    return new TelemetryRecorder(
        RouteTemplates.currents(), new RequestMetrics(registry), backoff, chains, tracing.spans());
  }
}
