package dev.currents.benchmarks.e2e;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One {@code LoadApp} JVM, alive for the whole comparison, driven over its standard input and output. */
final class LoadJvm implements AutoCloseable {

  final String agent;
  final String target;
  private final List<String> command;
  private final Process process;
  private final BufferedWriter commands;
  private final BufferedReader answers;
  private final Path stderr;

  LoadJvm(String agent, String target, List<String> command, Path scratch) throws IOException {
    this.agent = agent;
    this.target = target;
    this.command = command;
    this.stderr = Files.createTempFile(scratch, "load-", ".stderr");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    this.process = builder.start();
    this.commands =
        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Sends one command and returns the fields of the answer starting with {@code tag}. */
  Map<String, String> ask(String line, String tag) throws IOException {
    commands.write(line);
    commands.newLine();
    commands.flush();
    return read(tag);
  }

  Map<String, String> read(String tag) throws IOException {
    for (String answer = answers.readLine(); answer != null; answer = answers.readLine()) {
      if (answer.startsWith(tag + " ")) {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : answer.substring(tag.length() + 1).trim().split(" ")) {
          int eq = pair.indexOf('=');
          fields.put(eq > 0 ? pair.substring(0, eq) : "value", eq > 0 ? pair.substring(eq + 1) : pair);
        }
        return fields;
      }
    }
    throw new IOException("no " + tag + " from " + String.join(" ", command) + "\n--- stderr\n"
        + Files.readString(stderr, StandardCharsets.UTF_8));
  }

  /** The lines of stderr that the agents print at start, to show they really ran. */
  List<String> agentBanner() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      if (line.contains("[currents-agent]") || line.contains("opentelemetry-javaagent")) {
        lines.add(line.trim());
      }
    }
    return lines;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      commands.close();
    } catch (IOException ignored) {
      // the process is gone already
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
