package dev.currents.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/**
 * What one application JVM of the client suite runs: a JDK, and on it the JDK's own clients or the clients of
 * one library version, whose class path the version's module under integration-tests/client-versions wrote.
 *
 * @param classPath the library's jars, joined by the path separator; empty for the JDK's clients
 */
record Subject(String name, Jdks.Jdk jdk, String classPath, List<TestedClient> clients) {

  static Subject jdkClients(Jdks.Jdk jdk, List<TestedClient> clients) {
    return new Subject(jdk.toString(), jdk, "", clients);
  }

  /** A library with the clients the driver offers for it. */
  record Library(String name, List<TestedClient> clients) {

    /** A library the driver uses in two ways, {@code <name>} (blocking) and {@code <name>-async}. */
    static Library syncAndAsync(String name, String tag, Set<TestedClient.Feature> features) {
      return new Library(
          name, List.of(new TestedClient(name, tag, features), new TestedClient(name + "-async", tag, features)));
    }

    /** This library at that version on the JDK running the tests. */
    Subject version(String version) {
      return new Subject(name + " " + version, Jdks.current(), classPathOf(name + "-" + version), clients);
    }

    private static String classPathOf(String module) {
      Path file =
          Paths.get(System.getProperty("it.client.versions", "client-versions"), module, "target", "classpath.txt");
      try {
        return Files.readString(file).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "no class path for " + module + ": is it a module of client-versions/pom.xml and a dependency of"
                + " integration-tests/pom.xml?", e);
      }
    }
  }

  AppJvm.Builder app(TestApi api) {
    AppJvm.Builder app = api.app(jdk);
    return classPath.isEmpty() ? app : app.classPathFirst(classPath);
  }

  @Override
  public String toString() {
    return name;
  }
}
