package dev.currents.agent.loader;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The agent's entry point, loaded by the system class loader from the agent jar. It only sets up the two
 * class loading paths and hands over to the installer inside the agent's own class loader:
 *
 * <ul>
 *   <li>an {@link AgentClassLoader} reads the agent's core from {@code inst/}, where the application cannot
 *       see it;
 *   <li>from there, the classes under {@code boot/} (the bridge that advice calls) are defined in the
 *       bootstrap class loader, so that every class, the JDK's own included, can see them.
 * </ul>
 */
public final class AgentPremain {

  private static final String INJECTOR = "dev.currents.agent.BootstrapInjector";
  private static final String INSTALLER = "dev.currents.agent.AgentInstaller";

  private AgentPremain() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(instrumentation);
  }

  private static synchronized void start(Instrumentation instrumentation) {
    try {
      File jar = new File(AgentPremain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      AgentClassLoader agentLoader = new AgentClassLoader(jar);
      // Two steps: the installer refers to bootstrap classes, which must exist before it is even loaded.
      Class.forName(INJECTOR, true, agentLoader)
          .getMethod("inject", Instrumentation.class, JarFile.class)
          .invoke(null, instrumentation, agentLoader.jar());
      String version = AgentPremain.class.getPackage().getImplementationVersion();
      Class.forName(INSTALLER, true, agentLoader)
          .getMethod("install", Instrumentation.class, String.class)
          .invoke(null, instrumentation, version);
    } catch (Throwable t) {
      System.err.println("[currents-agent] could not start, the application runs without it: " + rootCause(t));
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
