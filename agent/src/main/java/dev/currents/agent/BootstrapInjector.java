package dev.currents.agent;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

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
    Map<String, byte[]> classes = readBootClasses(agentJar);
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
    // Defining a class loads its super types, so one of the agent's own must be defined first: classes whose
    // super type is not there yet wait for the next pass. The hierarchy is shallow: two or three passes.
    Map<String, byte[]> pending = new TreeMap<>(classes);
    while (!pending.isEmpty()) {
      int before = pending.size();
      for (Iterator<Map.Entry<String, byte[]>> it = pending.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, byte[]> type = it.next();
        byte[] bytes = type.getValue();
        try {
          defineClass.invoke(unsafe, type.getKey(), bytes, 0, bytes.length, null, null);
          it.remove();
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof NoClassDefFoundError)) {
            throw e;
          }
        }
      }
      if (pending.size() == before) {
        throw new IllegalStateException("cannot define " + pending.keySet() + " in the bootstrap loader");
      }
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
}
