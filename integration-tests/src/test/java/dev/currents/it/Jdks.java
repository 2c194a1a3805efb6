package dev.currents.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JDKs the application JVMs run on: the one running the tests, and every other JDK of another feature
 * version under /usr/lib/jvm (Temurin 25 on the project's machines), or the homes listed in {@code it.jdks}.
 */
final class Jdks {

  record Jdk(Path home, int feature) {
    Path java() {
      return home.resolve("bin/java");
    }

    @Override
    public String toString() {
      return "JDK " + feature;
    }
  }

  private Jdks() {}

  /** The JDK running the tests. */
  static Jdk current() {
    return new Jdk(Paths.get(System.getProperty("java.home")), Runtime.version().feature());
  }

  /** The current JDK first. */
  static List<Jdk> all() {
    Map<Integer, Jdk> byFeature = new LinkedHashMap<>();
    Jdk current = current();
    byFeature.put(current.feature(), current);
    for (Path home : candidates()) {
      Integer feature = featureOf(home);
      if (feature != null && feature >= 11) {
        byFeature.putIfAbsent(feature, new Jdk(home, feature));
      }
    }
    return new ArrayList<>(byFeature.values());
  }

  private static List<Path> candidates() {
    String listed = System.getProperty("it.jdks");
    if (listed != null && !listed.isBlank()) {
      return Stream.of(listed.split(",")).map(String::trim).map(Paths::get).toList();
    }
    try (Stream<Path> homes = Files.list(Paths.get("/usr/lib/jvm"))) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java"))).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Integer featureOf(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JDK we can read: skip it
    }
    return null;
  }
}
