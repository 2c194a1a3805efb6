package dev.currents.agent.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Puts the bridge (instrumentation/bootstrap, instrumentation/common and every {@code .bootstrap} package of the
 * instrumentations) where the bootstrap class loader finds it, as the agent does: a jar of those classes, taken
 * from the test class path, appended to the bootstrap search path. Advice woven into a class of the JDK's own
 * modules can only reach classes the bootstrap loader sees.
 *
 * <p>It must run before any of those classes is loaded: one already loaded from the class path stays there, a
 * second copy of it would then live in the bootstrap loader, and the test would talk to the wrong one. Hence
 * {@link BootstrapBridgeListener}. It references none of them itself.
 */
final class BootstrapBridge {

  private static final String BRIDGE = "dev/currents/agent/bootstrap/";
  private static final String COMMON = "dev/currents/agent/common/";
  private static final String INSTRUMENTATIONS = "dev/currents/agent/instrumentation/";
  private static final String PROBE = "dev.currents.agent.bootstrap.CurrentsRequests";

  private static boolean appended;

  private BootstrapBridge() {}

  static synchronized void append() {
    if (appended) {
      return;
    }
    appended = true;
    Instrumentation instrumentation = ByteBuddyAgent.install();
    try {
      instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jarOfBridgeClasses().toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    checkLoadedByBootstrap();
  }

  private static Path jarOfBridgeClasses() throws IOException {
    TreeMap<String, byte[]> classes = new TreeMap<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      // The tests' own classes stay where they are, even those in a .bootstrap package.
      if (path.endsWith("test-classes")) {
        continue;
      }
      if (Files.isDirectory(path)) {
        collectFromDirectory(path, classes);
      } else if (Files.isRegularFile(path)) {
        collectFromJar(path, classes);
      }
    }
    if (!classes.containsKey(PROBE.replace('.', '/') + ".class")) {
      throw new IllegalStateException("instrumentation/bootstrap is not on the test class path");
    }
    Path jar = Files.createTempFile("currents-bridge", ".jar");
    jar.toFile().deleteOnExit();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (var entry : classes.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void collectFromDirectory(Path root, TreeMap<String, byte[]> classes) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '/');
        if (isBridgeClass(name)) {
          classes.putIfAbsent(name, Files.readAllBytes(file));
        }
      }
    }
  }

  private static void collectFromJar(Path path, TreeMap<String, byte[]> classes) throws IOException {
    try (JarFile jar = new JarFile(path.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (isBridgeClass(entry.getName())) {
          try (InputStream in = jar.getInputStream(entry)) {
            classes.putIfAbsent(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
  }

  static boolean isBridgeClass(String name) {
    if (!name.endsWith(".class")) {
      return false;
    }
    if (name.startsWith(BRIDGE) || name.startsWith(COMMON)) {
      return true;
    }
    return name.startsWith(INSTRUMENTATIONS) && name.contains("/bootstrap/");
  }

  private static void checkLoadedByBootstrap() {
    try {
      Class<?> bridge = Class.forName(PROBE, false, ClassLoader.getSystemClassLoader());
      if (bridge.getClassLoader() != null) {
        throw new IllegalStateException(
            PROBE + " was loaded from the class path before the bridge was appended to the bootstrap search path");
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
