package dev.currents.agent;

import dev.currents.agent.bootstrap.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.pool.TypePool;

/**
 * Defines the classes under {@code boot/} in the agent jar (the bridge, the domain logic and the helpers that
 * advice calls) in the bootstrap class loader, where classes of every loader, the JDK's own included, can see
 * them.
 *
 * <p>It defines them one by one instead of appending a jar to the bootstrap class path, because appending
 * makes the JVM print a warning on the application's output and switch off class data sharing for every
 * class outside {@code java.base}, which slows the application's start.
 */
public final class BootstrapInjector {

  private static final String PREFIX = "boot/";

  private BootstrapInjector() {}

  public static void inject(Instrumentation instrumentation, JarFile agentJar) throws IOException {
    Map<String, byte[]> classes = readBootClasses(agentJar);
    ClassInjector.UsingUnsafe.Factory unsafe = ClassInjector.UsingUnsafe.Factory.resolve(instrumentation);
    if (unsafe.isAvailable()) {
      unsafe.make(null).injectRaw(superTypesFirst(classes));
    } else {
      AgentLog.debug("cannot define classes in the bootstrap loader directly; appending a jar to its path");
      ClassInjector.UsingInstrumentation.of(
              Files.createTempDirectory("currents-agent").toFile(),
              ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
              instrumentation)
          .injectRaw(classes);
    }
  }

  private static Map<String, byte[]> readBootClasses(JarFile jar) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    Enumeration<JarEntry> entries = jar.entries();
    while (entries.hasMoreElements()) {
      JarEntry entry = entries.nextElement();
      String path = entry.getName();
      if (path.startsWith(PREFIX) && path.endsWith(".class")) {
        try (InputStream in = jar.getInputStream(entry)) {
          String name = path.substring(PREFIX.length(), path.length() - ".class".length()).replace('/', '.');
          classes.put(name, in.readAllBytes());
        }
      }
    }
    return classes;
  }

  /** Defining a class loads its super types: those of the agent's own must be defined before it. */
  private static Map<String, byte[]> superTypesFirst(Map<String, byte[]> classes) {
    TypePool pool =
        TypePool.Default.of(
            new ClassFileLocator.Compound(
                new ClassFileLocator.Simple(classes), ClassFileLocator.ForClassLoader.ofBootLoader()));
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    Set<String> visiting = new HashSet<>();
    for (String name : classes.keySet()) {
      addAfterSuperTypes(name, classes, pool, ordered, visiting);
    }
    return ordered;
  }

  private static void addAfterSuperTypes(
      String name,
      Map<String, byte[]> classes,
      TypePool pool,
      Map<String, byte[]> ordered,
      Set<String> visiting) {
    if (ordered.containsKey(name) || !classes.containsKey(name) || !visiting.add(name)) {
      return;
    }
    TypeDescription type = pool.describe(name).resolve();
    if (type.getSuperClass() != null) {
      addAfterSuperTypes(type.getSuperClass().asErasure().getName(), classes, pool, ordered, visiting);
    }
    for (TypeDescription superInterface : type.getInterfaces().asErasures()) {
      addAfterSuperTypes(superInterface.getName(), classes, pool, ordered, visiting);
    }
    ordered.put(name, classes.get(name));
  }
}
