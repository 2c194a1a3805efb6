package dev.currents.benchmarks.breakdown;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.currents.agent.AgentInstaller;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.metrics.MeterRegistries;
import dev.currents.agent.tracing.Tracing;
import dev.currents.agent.tooling.ClassDefiner;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Weaving;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The steps of {@code AgentInstaller} after the bootstrap injection, one by one and all in line (see {@link
 * BreakdownAgent}); the agent runs those marked {@code *} on its own start thread, while the application starts.
 * Loaded only once the bootstrap classes exist.
 */
public final class BreakdownSteps {

  private BreakdownSteps() {}

  public static void run(Instrumentation instrumentation, Map<String, String> options, BreakdownAgent.Step step)
      throws Exception {
    boolean retransform = !"disabled".equals(options.get("redefinition"));
    boolean prometheus = !"none".equals(options.get("metrics"));
    boolean weave = !"none".equals(options.get("weave"));
    if (!prometheus) {
      System.setProperty("currents.agent.metrics.exporter", "none");
    }
    List<ClientInstrumentation> clients = new ArrayList<>();
    step.run("2 client instrumentations (ServiceLoader)", () -> {
      for (ClientInstrumentation client :
          ServiceLoader.load(ClientInstrumentation.class, BreakdownSteps.class.getClassLoader())) {
        clients.add(client);
      }
    });
    AgentConfig[] config = new AgentConfig[1];
    step.run("3 configuration", () -> config[0] = AgentConfig.fromSystem(
        clients.stream().map(ClientInstrumentation::name).collect(Collectors.toList())));
    HostFilter hosts = HostFilter.parse(config[0].hosts());
    // From here on, the agent runs on its "currents-agent-start" thread; this harness runs it in line.
    MeterRegistries[] registries = new MeterRegistries[1];
    step.run("4 metrics: MeterRegistries.start (Prometheus registry and endpoint) *", () ->
        registries[0] = MeterRegistries.start(config[0], "breakdown"));
    Tracing[] tracing = new Tracing[1];
    step.run("5 tracing: Tracing.start *", () ->
        tracing[0] = Tracing.start(config[0], "breakdown", registries[0].registry()));
    step.run("6 recorder: metrics, retry chains, spans; install *", () -> CurrentsRequests.install(
        hosts, AgentInstaller.recorder(config[0], registries[0].registry(), tracing[0])));
    if (!weave) {
      return; // what premain would cost with Byte Buddy deferred to the first load of an HTTP client class
    }
    AgentBuilder[] builder = new AgentBuilder[1];
    // As Weaving.install, in steps: Byte Buddy told not to reach for sun.misc.Unsafe while it initializes.
    System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    // Byte Buddy is not relocated here, so it is kept from weaving itself as the agent's relocated copy is.
    step.run("7 Byte Buddy: AgentBuilder set-up *", () -> {
      AgentBuilder b = Weaving.agentBuilder(instrumentation)
          .ignore(nameStartsWith("dev.currents.agent.").or(nameStartsWith("net.bytebuddy.")));
      builder[0] = retransform ? b : b.with(AgentBuilder.RedefinitionStrategy.DISABLED);
    });
    step.run("8 Byte Buddy: instrumentations (advice) *", () -> {
      ClassDefiner helpers = ClassDefiner.through(instrumentation);
      for (ClientInstrumentation client : clients) {
        builder[0] = Weaving.onto(builder[0], client, helpers);
      }
    });
    step.run("9 Byte Buddy: installOn" + (retransform ? " (retransformation) *" : " (no redefinition) *"),
        () -> builder[0].installOn(instrumentation));
    System.clearProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY);
  }
}
