package dev.currents.benchmarks.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One JVM under test: spawned, waited for (bounded), its wall time and output kept. */
final class Child {

  final List<String> command;
  final int exitCode;
  /** {@link System#nanoTime()} just before the spawn. */
  final long startNanos;
  final long wallNanos;
  final List<String> stdout;
  final String stderr;

  private Child(
      List<String> command, int exitCode, long startNanos, long wallNanos, List<String> stdout, String stderr) {
    this.command = command;
    this.exitCode = exitCode;
    this.startNanos = startNanos;
    this.wallNanos = wallNanos;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Runs the command with its output going to files, so that no pipe-draining thread of ours competes with the
   * child; the wall time runs from just before the spawn to the moment its exit is seen.
   */
  static Child run(List<String> command, Path scratch, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = scratch.resolve("stdout.txt");
    Path err = scratch.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    // The children must not inherit anything that would change them: options of a JVM come from the command.
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    long start = System.nanoTime();
    Process process = builder.start();
    boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    long wall = System.nanoTime() - start;
    if (!exited) {
      process.destroyForcibly().waitFor();
      throw new IOException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
    }
    return new Child(
        command,
        process.exitValue(),
        start,
        wall,
        Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  Child orFail() throws IOException {
    if (exitCode != 0) {
      throw new IOException(
          "exit " + exitCode + ": " + String.join(" ", command) + "\n--- stdout\n" + String.join("\n", stdout)
              + "\n--- stderr\n" + stderr);
    }
    return this;
  }

  /** The {@code key=value} pairs of the first stdout line starting with {@code tag}. */
  Map<String, String> fields(String tag) throws IOException {
    for (String line : stdout) {
      if (line.startsWith(tag + " ")) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : line.substring(tag.length() + 1).trim().split(" ")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
          } else {
            fields.put("value", pair);
          }
        }
        return fields;
      }
    }
    throw new IOException("no " + tag + " line from " + String.join(" ", command) + ":\n" + String.join("\n", stdout)
        + "\n" + stderr);
  }

  /** The lines of stderr that the agents print at start, to show they really ran. */
  List<String> agentBanner() {
    List<String> lines = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains("[currents-agent]") || line.contains("opentelemetry-javaagent")) {
        lines.add(line.trim());
      }
    }
    return lines;
  }
}
