package dev.currents.benchmarks.breakdown;

import dev.currents.agent.BootstrapInjector;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * A diagnostic agent ({@code -javaagent:benchmarks.jar=OPTIONS}) that performs the currents-agent's start-up
 * step by step, as {@code AgentPremain} and {@code AgentInstaller} do, with the agent's real (unshaded)
 * classes, timing each step and counting the classes it loads. {@link StartupBreakdown} runs it and prints the
 * medians. Options, comma-separated, try the alternatives the report suggests:
 *
 * <ul>
 *   <li>{@code agentJar=PATH}: the currents-agent jar, whose {@code boot/} classes are injected;
 *   <li>{@code inject=agent} (the agent's {@code BootstrapInjector}: a Byte Buddy {@code TypePool} orders super
 *       types first, then {@code jdk.internal.misc.Unsafe.defineClass}), {@code inject=retry} (the same define
 *       call without the {@code TypePool}: a class whose super type is missing is retried after the others),
 *       {@code inject=append} (a temporary jar appended to the bootstrap class path, the agent's fallback);
 *   <li>{@code redefinition=disabled}: no retransformation of loaded classes (at premain the HTTP client
 *       classes are usually not loaded yet) instead of the agent's {@code RETRANSFORMATION};
 *   <li>{@code metrics=none}: no Prometheus registry nor endpoint;
 *   <li>{@code weave=none}: no Byte Buddy at all (steps 7 to 9 skipped): what premain would cost if the weaving
 *       were deferred until an HTTP client class is first loaded.
 * </ul>
 *
 * <p>The steps after the injection ({@link BreakdownSteps}) copy {@code AgentInstaller}; its weaving listener,
 * which only logs at debug level, is left out. Keep the two in step when the installer changes.
 */
public final class BreakdownAgent {

  private static final Map<String, long[]> PHASES = new LinkedHashMap<>();

  private BreakdownAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) throws Exception {
    Map<String, String> options = parse(arguments);
    String inject = options.getOrDefault("inject", "agent");
    File agentJar = new File(options.get("agentJar"));
    long begin = System.nanoTime();
    int classesBefore = instrumentation.getAllLoadedClasses().length;

    Step step = new Step(instrumentation);
    try (JarFile jar = new JarFile(agentJar, false)) {
      step.run("1 bootstrap injection (" + inject + ")", () -> inject(inject, instrumentation, jar));
    }
    // The rest refers to bootstrap classes (HostFilter, CurrentsRequests...): loaded only now that they exist.
    Class.forName(BreakdownAgent.class.getPackageName() + ".BreakdownSteps")
        .getMethod("run", Instrumentation.class, Map.class, Step.class)
        .invoke(null, instrumentation, options, step);
    long total = System.nanoTime() - begin;
    PHASES.put("premain total", new long[] {total, instrumentation.getAllLoadedClasses().length - classesBefore});
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, long[]> phase : PHASES.entrySet()) {
      out.append("PHASE ").append(phase.getValue()[0]).append(' ').append(phase.getValue()[1]).append(' ')
          .append(phase.getKey()).append('\n');
    }
    System.out.print(out);
  }

  // ---------------------------------------------------------------------------------------------- injection

  private static void inject(String how, Instrumentation instrumentation, JarFile jar) throws Exception {
    switch (how) {
      case "agent":
        BootstrapInjector.inject(instrumentation, jar);
        break;
      case "retry":
        injectWithUnsafe(instrumentation, readBootClasses(jar));
        break;
      case "append":
        File temp = File.createTempFile("currents-agent-boot", ".jar");
        temp.deleteOnExit();
        try (OutputStream file = Files.newOutputStream(temp.toPath());
            JarOutputStream out = new JarOutputStream(file)) {
          for (Map.Entry<String, byte[]> entry : readBootClasses(jar).entrySet()) {
            out.putNextEntry(new JarEntry(entry.getKey().replace('.', '/') + ".class"));
            out.write(entry.getValue());
            out.closeEntry();
          }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(temp));
        break;
      default:
        throw new IllegalArgumentException("inject=" + how);
    }
  }

  /**
   * As the agent's {@code BootstrapInjector} ({@code jdk.internal.misc.Unsafe.defineClass} with a null loader),
   * without its Byte Buddy {@code TypePool} pass that orders super types first: a class whose super type is not
   * defined yet fails with NoClassDefFoundError and is tried again after the others.
   */
  private static void injectWithUnsafe(Instrumentation instrumentation, Map<String, byte[]> classes)
      throws Exception {
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    instrumentation.redefineModule(Object.class.getModule(), Set.of(),
        Map.of("jdk.internal.misc", Set.of(BreakdownAgent.class.getModule())), Map.of(), Set.of(), Map.of());
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
        ClassLoader.class, ProtectionDomain.class);
    Deque<Map.Entry<String, byte[]>> pending = new ArrayDeque<>(classes.entrySet());
    int sinceProgress = 0;
    while (!pending.isEmpty() && sinceProgress <= pending.size()) {
      Map.Entry<String, byte[]> next = pending.poll();
      try {
        define.invoke(unsafe, next.getKey(), next.getValue(), 0, next.getValue().length, null, null);
        sinceProgress = 0;
      } catch (java.lang.reflect.InvocationTargetException e) {
        if (!(e.getCause() instanceof NoClassDefFoundError)) {
          throw e;
        }
        pending.add(next); // its super type comes later in the list: try again after the others
        sinceProgress++;
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException("cannot define " + pending.size() + " boot classes");
    }
  }

  private static Map<String, byte[]> readBootClasses(JarFile jar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (path.startsWith("boot/") && path.endsWith(".class")) {
        try (InputStream in = jar.getInputStream(entry)) {
          classes.put(path.substring(5, path.length() - 6).replace('/', '.'), in.readAllBytes());
        }
      }
    }
    return classes;
  }

  // ---------------------------------------------------------------------------------------------- helpers

  interface Action {
    void run() throws Exception;
  }

  /** Times one step and counts the classes loaded meanwhile. */
  public static final class Step {
    private final Instrumentation instrumentation;

    Step(Instrumentation instrumentation) {
      this.instrumentation = instrumentation;
    }

    void run(String name, Action action) throws Exception {
      int before = instrumentation.getAllLoadedClasses().length;
      long start = System.nanoTime();
      action.run();
      long nanos = System.nanoTime() - start;
      PHASES.put(name, new long[] {nanos, instrumentation.getAllLoadedClasses().length - before});
    }

    Instrumentation instrumentation() {
      return instrumentation;
    }
  }

  private static Map<String, String> parse(String arguments) {
    Map<String, String> options = new LinkedHashMap<>();
    if (arguments != null) {
      for (String pair : arguments.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          options.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return options;
  }
}
