package dev.currents.benchmarks.breakdown;

import dev.currents.benchmarks.e2e.Jars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the currents-agent's start-up time goes: runs a trivial main under {@link BreakdownAgent} (the agent's
 * start-up, step by step) in a few variants, and under the real agent and no agent for reference; prints the
 * median of each step's time and class count.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar breakdown [--runs N] [--java PATH]
 * </pre>
 */
public final class StartupBreakdown {

  private static final String[][] VARIANTS = {
    {"as the agent does", "inject=agent"},
    {"inject without TypePool", "inject=retry"},
    {"inject by appended jar", "inject=append"},
    {"no retransformation", "inject=agent,redefinition=disabled"},
    {"no TypePool, no retransformation, metrics=none", "inject=retry,redefinition=disabled,metrics=none"},
    {"no TypePool, Byte Buddy deferred", "inject=retry,weave=none"},
  };

  private StartupBreakdown() {}

  public static void main(String[] args) throws Exception {
    int runs = 7;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs": runs = Integer.parseInt(args[++i]); break;
        case "--java": java = args[++i]; break;
        default: throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Jars jars = Jars.locate();
    System.out.println("== currents-agent start-up, step by step (" + runs + " runs of each, median) ==");
    System.out.println("JVM: " + java + "; load average at start " + Jars.loadAverage());

    // phase number -> variant -> [nanos...], [classes...]
    Map<String, String> phaseNames = new TreeMap<>();
    Map<String, Map<String, List<Long>>> nanos = new TreeMap<>();
    Map<String, Map<String, List<Long>>> classes = new TreeMap<>();
    Map<String, List<Long>> toMain = new LinkedHashMap<>();
    List<String> references = List.of("no agent", "currents-agent.jar");
    for (int run = 0; run < runs + 1; run++) {
      for (String reference : references) {
        List<String> command = new ArrayList<>(List.of(java));
        if (!reference.equals("no agent")) {
          command.add("-javaagent:" + jars.currentsAgent());
          command.add("-Dcurrents.agent.prometheus.port=0");
        }
        command.addAll(List.of("-cp", jars.app().toString(), "dev.currents.benchmarks.app.TrivialMain"));
        Output output = spawn(command);
        if (run > 0) {
          toMain.computeIfAbsent(reference, k -> new ArrayList<>()).add(output.toMainNanos);
        }
      }
      for (String[] variant : VARIANTS) {
        List<String> command = List.of(java,
            "-javaagent:" + jars.benchmarks() + "=agentJar=" + jars.currentsAgent() + "," + variant[1],
            "-Dcurrents.agent.prometheus.port=0", "-Dcurrents.agent.log.level=warn",
            "-cp", jars.app().toString(), "dev.currents.benchmarks.app.TrivialMain");
        Output output = spawn(command);
        if (run == 0) {
          continue; // the page cache and the CDS archive warm for all alike
        }
        toMain.computeIfAbsent(variant[0], k -> new ArrayList<>()).add(output.toMainNanos);
        for (String line : output.lines) {
          if (line.startsWith("PHASE ")) {
            String[] fields = line.split(" ", 4);
            String name = fields[3];
            String key = name.startsWith("premain") ? "99" : name.substring(0, name.indexOf(' '));
            phaseNames.putIfAbsent(key, name);
            nanos.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(variant[0], k -> new ArrayList<>()).add(Long.parseLong(fields[1]));
            classes.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(variant[0], k -> new ArrayList<>()).add(Long.parseLong(fields[2]));
          }
        }
      }
    }

    StringBuilder header = new StringBuilder("| step (ms, classes loaded) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String[] variant : VARIANTS) {
      header.append(' ').append(variant[0]).append(" |");
      rule.append("---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (String key : phaseNames.keySet()) {
      StringBuilder row = new StringBuilder("| ").append(phaseNames.get(key)).append(" |");
      for (String[] variant : VARIANTS) {
        List<Long> n = nanos.get(key).get(variant[0]);
        List<Long> c = classes.get(key).get(variant[0]);
        row.append(n == null ? " - |" : String.format(Locale.ROOT, " %.1f (%d) |", median(n) / 1e6, median(c)));
      }
      System.out.println(row);
    }
    StringBuilder row = new StringBuilder("| JVM spawn to main |");
    for (String[] variant : VARIANTS) {
      row.append(String.format(Locale.ROOT, " %.0f |", median(toMain.get(variant[0])) / 1e6));
    }
    System.out.println(row);
    for (String reference : references) {
      System.out.printf(Locale.ROOT, "JVM spawn to main, %s: %.0f ms%n", reference,
          median(toMain.get(reference)) / 1e6);
    }
    System.out.println("(the steps run the agent's unshaded classes from the application class path, not from"
        + " its own class loader: the sum is close to, not equal to, the real agent's cost)");
    System.out.println("load average at the end " + Jars.loadAverage());
  }

  private static final class Output {
    final List<String> lines;
    final long toMainNanos;

    Output(List<String> lines, long toMainNanos) {
      this.lines = lines;
      this.toMainNanos = toMainNanos;
    }
  }

  private static Output spawn(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("_JAVA_OPTIONS");
    long start = System.nanoTime();
    Process process = builder.start();
    String text;
    try (InputStream in = process.getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("failed: " + String.join(" ", command) + "\n" + text);
    }
    List<String> lines = Arrays.asList(text.split("\n"));
    long toMain = -1;
    for (String line : lines) {
      if (!line.isBlank() && line.trim().chars().allMatch(Character::isDigit)) {
        toMain = Long.parseLong(line.trim()) - start;
      }
    }
    if (toMain <= 0) {
      throw new IOException("no time of main from " + String.join(" ", command) + "\n" + text);
    }
    return new Output(lines, toMain);
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
