package dev.currents.agent.testing;

import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.tooling.ClientInstrumentation;
import dev.currents.agent.tooling.Weaving;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves the instrumentations on the test class path into the test's own JVM, as the agent weaves an
 * application: Byte Buddy's agent attached to this JVM (the surefire {@code argLine} allows it: {@code
 * weaving.argLine} in the root pom), and each {@link ClientInstrumentation} found by {@link ServiceLoader} woven
 * through {@link Weaving#install}, as the agent weaves them, helper classes included.
 *
 * <p>Once per JVM: a transformation, once installed, applies to every class loaded after it and cannot be taken
 * back cleanly, so every test class of a module shares it. Classes already loaded are retransformed.
 *
 * <p>What differs from the agent: no start gate (the test weaves before it sends), no exporters, and the classes of
 * {@code .bootstrap} packages stay on the class path, where the application's loader, which loads the client
 * libraries here, sees them. For a client in the JDK's own modules see {@link BootstrapBridgeListener}.
 */
public final class WeavingHarness {

  private static final List<String> ERRORS = new ArrayList<>();
  private static final List<String> WOVEN = new ArrayList<>();
  /** The classes the agent's start gate holds for the instrumentations ({@link ClientInstrumentation#wovenClasses()}). */
  private static final List<String> HELD = new ArrayList<>();
  private static List<String> clients;

  private WeavingHarness() {}

  /** Weaves, the first time; the names of the instrumentations woven. */
  public static synchronized List<String> weave() {
    if (clients == null) {
      clients = install(ByteBuddyAgent.install());
    }
    return clients;
  }

  /** What went wrong weaving a class, one line each: a test that weaves should see none. */
  public static synchronized List<String> errors() {
    return List.copyOf(ERRORS);
  }

  /** The names of the classes woven so far. */
  public static synchronized List<String> woven() {
    return List.copyOf(WOVEN);
  }

  /**
   * The classes woven so far that the start gate would not hold ({@link ClientInstrumentation#wovenClasses()}): while
   * the agent starts, such a class could load unwoven, and a request escape the agent.
   */
  public static synchronized List<String> wovenButNotHeld() {
    List<String> notHeld = new ArrayList<>();
    for (String woven : WOVEN) {
      String internalName = woven.replace('.', '/');
      if (HELD.stream().noneMatch(held -> ClientInstrumentation.covers(held, internalName))) {
        notHeld.add(woven);
      }
    }
    return notHeld;
  }

  private static List<String> install(Instrumentation instrumentation) {
    List<ClientInstrumentation> all = new ArrayList<>();
    ServiceLoader.load(ClientInstrumentation.class, WeavingHarness.class.getClassLoader()).forEach(all::add);
    if (all.isEmpty()) {
      throw new IllegalStateException("no ClientInstrumentation on the test class path: nothing to weave");
    }
    List<String> names = new ArrayList<>();
    for (ClientInstrumentation client : all) {
      names.add(client.name());
      synchronized (WeavingHarness.class) {
        HELD.addAll(client.wovenClasses());
      }
    }
    try {
      Weaving.install(instrumentation, all, builder -> builder.with(new Outcomes()));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("cannot define helper classes on this JVM", e);
    }
    return List.copyOf(names);
  }

  /** Keeps what was woven and what failed, which the agent's WeavingListener logs instead. */
  private static final class Outcomes extends AgentBuilder.Listener.Adapter {
    @Override
    public void onTransformation(
        net.bytebuddy.description.type.TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        boolean loaded,
        net.bytebuddy.dynamic.DynamicType dynamicType) {
      synchronized (WeavingHarness.class) {
        WOVEN.add(type.getName());
        if (loader == null && CurrentsRequests.class.getClassLoader() != null) {
          // The advice would fail on its first call, silently (suppress = Throwable.class): say why here.
          ERRORS.add(
              type.getName()
                  + " is the bootstrap loader's and cannot see the bridge on the class path: register"
                  + " BootstrapBridgeListener for this module's tests");
        }
      }
    }

    @Override
    public void onError(
        String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
      synchronized (WeavingHarness.class) {
        ERRORS.add(typeName + ": " + throwable);
      }
    }
  }
}
