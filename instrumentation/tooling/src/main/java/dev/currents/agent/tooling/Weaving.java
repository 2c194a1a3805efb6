package dev.currents.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.currents.agent.bootstrap.CurrentsRequests;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.AgentBuilder.Transformer.ForAdvice;

/**
 * What the agent does with a {@link ClientInstrumentation}'s description: the same for every instrumentation, in
 * the agent and in the tests that weave one in process.
 */
public final class Weaving {

  private Weaving() {}

  /**
   * Registers the instrumentation's readers with the bridge and adds its hooks to {@code builder}, its helper
   * classes defined by {@code definer} in the loader of each class it weaves.
   */
  public static AgentBuilder onto(
      AgentBuilder builder, ClientInstrumentation instrumentation, ClassDefiner definer) {
    if (instrumentation.headerInjector() != null) {
      CurrentsRequests.registerHeaderInjector(instrumentation.client(), instrumentation.headerInjector());
    }
    if (instrumentation.responseReader() != null) {
      CurrentsRequests.registerResponseReader(instrumentation.client(), instrumentation.responseReader());
    }
    VersionCheck versions = instrumentation.supportedVersions();
    HelperClasses helpers =
        instrumentation.helpers().isEmpty() ? null : new HelperClasses(instrumentation.helpers(), definer);
    AgentBuilder woven = builder;
    for (Hook hook : instrumentation.hooks()) {
      AgentBuilder.Identified.Narrowable types =
          versions == null ? woven.type(hook.types()) : woven.type(versions.of(hook.types()));
      woven = helpers == null ? types.transform(adviceOf(hook)) : types.transform(helpers).transform(adviceOf(hook));
    }
    if (versions != null && versions.judgedOnType() != null) {
      // Nothing is woven there: the class only gets an older copy its debug line.
      woven = woven.type(versions.judgedOn(named(versions.judgedOnType()))).transform((b, type, loader, module, pd) -> b);
    }
    return woven;
  }

  /** The classes the start gate holds for {@code instrumentation}: internal names, or package prefixes. */
  public static List<String> heldTypes(ClientInstrumentation instrumentation) {
    List<String> held = new ArrayList<>();
    for (Hook hook : instrumentation.hooks()) {
      held.addAll(hook.heldNames());
    }
    return held;
  }

  private static ForAdvice adviceOf(Hook hook) {
    // Advice classes live in the agent's own class loader: Byte Buddy reads them from there, and inlines them.
    ForAdvice transformer = new ForAdvice().include(hook.advice().get(0).adviceClass.getClassLoader());
    for (Hook.Advised advised : hook.advice()) {
      transformer = transformer.advice(advised.methods, advised.adviceClass.getName());
    }
    return transformer;
  }
}
