package dev.currents.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Defines the classes under {@code boot/} in the agent jar (the bridge, the domain logic and the helpers that
 * advice calls) in the bootstrap class loader, where classes of every loader, the JDK's own included, can see
 * them.
 *
 * <p>It defines them one by one instead of appending a jar to the bootstrap class path, because appending
 * makes the JVM print a warning on the application's output and switch off class data sharing for every
 * class outside the bootstrap loader, which slows the application's start.
 *
 * <p>It must not use any bootstrap class itself: they do not exist until it has run.
 */
public final class BootstrapInjector {

  private static final String PREFIX = "boot/";

  private BootstrapInjector() {}

  public static void inject(Instrumentation instrumentation, JarFile agentJar) throws IOException {
    Map<String, byte[]> classes = superTypesFirst(readBootClasses(agentJar));
    try {
      defineInBootstrapLoader(instrumentation, classes);
    } catch (ReflectiveOperationException | RuntimeException notOnThisJvm) {
      // A JVM without that door: the jar path works everywhere, at the price explained above.
      instrumentation.appendToBootstrapClassLoaderSearch(writeJar(classes));
    }
  }

  /**
   * {@code jdk.internal.misc.Unsafe.defineClass} with a null loader, exported to the agent for this alone. Not
   * {@code sun.misc.Unsafe}, whose use makes recent JDKs print warnings on the application's stderr.
   */
  private static void defineInBootstrapLoader(Instrumentation instrumentation, Map<String, byte[]> classes)
      throws ReflectiveOperationException {
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(
        javaBase,
        Collections.emptySet(),
        Collections.singletonMap("jdk.internal.misc", Collections.singleton(BootstrapInjector.class.getModule())),
        Collections.emptyMap(),
        Collections.emptySet(),
        Collections.emptyMap());
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method defineClass =
        unsafeType.getMethod(
            "defineClass", String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
    for (Map.Entry<String, byte[]> type : classes.entrySet()) {
      byte[] bytes = type.getValue();
      defineClass.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
    }
  }

  private static JarFile writeJar(Map<String, byte[]> classes) throws IOException {
    File jar = File.createTempFile("currents-agent-boot", ".jar");
    jar.deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar))) {
      for (Map.Entry<String, byte[]> type : classes.entrySet()) {
        out.putNextEntry(new JarEntry(type.getKey().replace('.', '/') + ".class"));
        out.write(type.getValue());
        out.closeEntry();
      }
    }
    return new JarFile(jar);
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
