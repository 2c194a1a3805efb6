package dev.currents.benchmarks.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars a comparison runs, as {@code -Pbench} lays them out beside {@code benchmarks.jar} in
 * {@code benchmarks/target/}; each can be overridden with a system property.
 */
public record Jars(Path benchmarks, Path app, Path currentsAgent, Path otelAgent) {

  public static Jars locate() throws IOException {
    Path codeSource;
    try {
      codeSource = Path.of(Jars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    // benchmarks/target/benchmarks.jar, or benchmarks/target/classes when run from an IDE.
    Path target = codeSource.getParent();
    Jars jars = new Jars(
        Path.of(System.getProperty("bench.benchmarks.jar", target.resolve("benchmarks.jar").toString())),
        Path.of(System.getProperty("bench.app.jar", target.resolve("benchmarks-app.jar").toString())),
        Path.of(System.getProperty("bench.currents.jar", target.resolve("agents/currents-agent.jar").toString())),
        Path.of(System.getProperty("bench.otel.jar",
            target.resolve("agents/opentelemetry-javaagent.jar").toString())));
    for (Path jar : List.of(jars.benchmarks, jars.app, jars.currentsAgent, jars.otelAgent)) {
      if (!Files.isRegularFile(jar)) {
        throw new IOException(jar + " is missing: build with ./mvnw -q -Pbench -pl benchmarks -am -DskipTests"
            + " package (or run benchmarks/run.sh)");
      }
    }
    return jars;
  }

  /** The load averages of this machine, from /proc/loadavg: other work on it makes the figures noisier. */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2] + " (1, 5, 15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
