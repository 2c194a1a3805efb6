package dev.currents.agent.tooling;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.currents.agent.bootstrap.CurrentsRequests;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.AgentBuilder.Transformer.ForAdvice;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;

/**
 * What the agent does with a {@link ClientInstrumentation}'s description: the same for every instrumentation, in
 * the agent and in the tests that weave one in process.
 */
public final class Weaving {

  private Weaving() {}

  /**
   * Weaves {@code instrumentations} into this JVM, classes already loaded included, and returns the weaver.
   *
   * @param decoration what the caller adds to the builder: a listener, a decorator of the weaver
   */
  public static ResettableClassFileTransformer install(
      Instrumentation instrumentation,
      List<ClientInstrumentation> instrumentations,
      UnaryOperator<AgentBuilder> decoration)
      throws NoSuchMethodException {
    // Byte Buddy reaches for sun.misc.Unsafe while it initializes unless told not to, and recent JDKs print a
    // warning on the application's stderr when it does. The agent needs none of it: advice is inlined.
    System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
    try {
      AgentBuilder builder = decoration.apply(agentBuilder(instrumentation));
      ClassDefiner helpers = ClassDefiner.through(instrumentation);
      for (ClientInstrumentation client : instrumentations) {
        exportJdkPackages(instrumentation, client);
        builder = onto(builder, client, helpers);
      }
      return builder.installOn(instrumentation);
    } finally {
      System.clearProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY);
    }
  }

  private static void exportJdkPackages(Instrumentation instrumentation, ClientInstrumentation client) {
    for (String used : client.jdkPackagesUsed()) {
      String[] modulePackage = used.split("/", 2);
      ModuleLayer.boot()
          .findModule(modulePackage[0])
          .ifPresent(
              module ->
                  instrumentation.redefineModule(
                      module,
                      Set.of(),
                      Map.of(modulePackage[1], Set.of(CurrentsRequests.class.getModule())),
                      Map.of(),
                      Set.of(),
                      Map.of()));
    }
  }

  /** The builder every weaving starts from, before any instrumentation adds its hooks. */
  public static AgentBuilder agentBuilder(Instrumentation instrumentation) {
    // Advice only goes into methods a class declares itself, so its interfaces need not be described: another
    // agent may have added some that no class file describes (the OpenTelemetry javaagent generates interfaces
    // for HttpURLConnection), which would leave the class unwoven.
    return new AgentBuilder.Default(
            new ByteBuddy().with(TypeValidation.DISABLED).with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .ignore(nameStartsWith("dev.currents.agent."))
        .assureReadEdgeTo(instrumentation, CurrentsRequests.class);
  }

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
      requireHeld(instrumentation, hook);
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

  /** A hook on a class the start gate would not hold could let a request escape while the agent starts. */
  private static void requireHeld(ClientInstrumentation instrumentation, Hook hook) {
    for (String woven : hook.heldNames()) {
      if (!instrumentation.weaves(woven)) {
        throw new IllegalStateException(
            instrumentation.name() + " hooks " + woven + ", which is not among the classes it says it weaves");
      }
    }
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
