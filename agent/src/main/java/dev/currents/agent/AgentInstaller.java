package dev.currents.agent;

import dev.currents.agent.bootstrap.AgentLog;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.common.RouteTemplates;
import dev.currents.agent.common.backoff.BackoffSettings;
import dev.currents.agent.common.backoff.RetryChains;
import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.metrics.BackoffMetrics;
import dev.currents.agent.metrics.MeterRegistries;
import dev.currents.agent.metrics.RequestMetrics;
import dev.currents.agent.telemetry.ChainSweeper;
import dev.currents.agent.telemetry.MeterLabels;
import dev.currents.agent.telemetry.TelemetryRecorder;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Weaving;
import dev.currents.agent.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import net.bytebuddy.agent.builder.AgentBuilder;

/** Runs inside the agent's class loader: reads the configuration, starts the exporters, weaves the clients. */
public final class AgentInstaller {

  private AgentInstaller() {}

  /**
   * Reads the configuration and returns at once: the rest (exporters, weaving) runs on a thread of its own so
   * that the application's start does not wait for it. Meanwhile a {@link StartGate} holds the classes the
   * agent weaves, so that no request escapes it.
   */
  public static void install(Instrumentation instrumentation, String version) {
    List<ClientInstrumentation> all = new ArrayList<>();
    ServiceLoader.load(ClientInstrumentation.class, AgentInstaller.class.getClassLoader()).forEach(all::add);
    AgentConfig config =
        AgentConfig.fromSystem(all.stream().map(ClientInstrumentation::name).collect(Collectors.toList()));
    AgentLog.setLevel(config.logLevel());
    if (!config.enabled()) {
      AgentLog.info("disabled by currents.agent.enabled=false: nothing installed");
      return;
    }
    HostFilter hosts = HostFilter.parse(config.hosts());
    for (String rejected : hosts.rejected()) {
      AgentLog.warn("currents.agent.hosts: ignoring malformed entry '" + rejected + "'");
    }
    List<ClientInstrumentation> enabled = new ArrayList<>();
    List<String> disabled = new ArrayList<>();
    List<String> heldTypes = new ArrayList<>();
    for (ClientInstrumentation client : all) {
      if (config.instrumentationEnabled(client.name())) {
        enabled.add(client);
        heldTypes.addAll(client.wovenClasses());
      } else {
        disabled.add(client.name());
      }
    }
    StartGate gate = new StartGate(heldTypes);
    Thread starter =
        new Thread(
            () -> start(instrumentation, version, config, hosts, enabled, disabled, gate), "currents-agent-start");
    starter.setDaemon(true);
    gate.starter(starter);
    instrumentation.addTransformer(gate, true);
    starter.start();
  }

  private static void start(
      Instrumentation instrumentation,
      String version,
      AgentConfig config,
      HostFilter hosts,
      List<ClientInstrumentation> clients,
      List<String> disabled,
      StartGate gate) {
    ClassFileTransformer weaver = null;
    try {
      MeterRegistries registries = MeterRegistries.start(config, version);
      Tracing tracing = Tracing.start(config, version, registries.registry());
      CurrentsRequests.install(hosts, recorder(config, registries.registry(), tracing));
      weaver = weave(instrumentation, clients, gate);
      AgentLog.info(
          "currents-agent "
              + version
              + " on Java "
              + Runtime.version()
              + ": hosts "
              + String.join(", ", hosts.entries())
              + "; clients "
              + clients.stream().map(ClientInstrumentation::name).collect(Collectors.joining(", "))
              + (disabled.isEmpty()
                  ? ""
                  : " (switched off: " + String.join(", ", disabled) + ")")
              + "; metrics "
              + registries.destinations()
              + "; traces "
              + tracing.destinations()
              + (config.tracesPropagate() ? "; propagating traceparent" : ""));
    } catch (Throwable t) {
      AgentLog.warn("could not start, the application runs without it: " + t);
    } finally {
      gate.open(weaver);
      instrumentation.removeTransformer(gate);
    }
  }

  /** The recorder the agent installs; public so that the benchmarks measure exactly this wiring. */
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

  private static ClassFileTransformer weave(
      Instrumentation instrumentation, List<ClientInstrumentation> clients, StartGate gate)
      throws NoSuchMethodException {
    return Weaving.install(
        instrumentation,
        clients,
        builder ->
            builder
                .with(new WeavingListener())
                .with((AgentBuilder.TransformerDecorator) weaver -> new GatedWeaver(weaver, gate)));
  }
}
