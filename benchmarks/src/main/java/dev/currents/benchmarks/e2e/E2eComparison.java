package dev.currents.benchmarks.e2e;

import dev.currents.simapi.SimulatedCurrentsApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The end-to-end comparison, on loopback only: no agent, the currents-agent, the OpenTelemetry javaagent and
 * both together, each in its own JVM.
 *
 * <ol>
 *   <li>Start-up: a trivial main ({@code TrivialMain}) timed from spawn to main and to exit, configurations
 *       interleaved, median of the runs; then a few runs that print, at the end of main, VmRSS, loaded classes,
 *       heap before and after GC, metaspace and threads.
 *   <li>Requests: two simulated Currents APIs run in this JVM, one configured as a Currents host and one not;
 *       {@code LoadApp} JVMs, a few per agent, all alive at once, make sequential GETs to both with the JDK
 *       HttpClient in short blocks, cycling through the JVMs in shuffled order (see {@link #measureRequests}).
 * </ol>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar e2e [--pairs N] [--block N] [--warmup N] [--forks N]
 *     [--startup-runs N] [--memory-runs N] [--java PATH] [--skip-startup] [--skip-requests] [--quick]
 * </pre>
 */
public final class E2eComparison {

  private static final String API_KEY = "bench-key";
  private static final String APP_PATH = "/v1/projects/bench-project";
  private static final long CHILD_TIMEOUT_SECONDS = 180;

  private int pairs = 10_000;
  private int block = 250;
  private int warmup = 2_500;
  private int forks = 2;
  private int startupRuns = 15;
  private int memoryRuns = 5;
  private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private boolean startup = true;
  private boolean load = true;

  private Path appJar;
  private Path currentsJar;
  private Path otelJar;
  private Path scratch;

  private E2eComparison() {}

  public static void main(String[] args) throws Exception {
    E2eComparison comparison = new E2eComparison();
    comparison.parse(args);
    comparison.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--pairs": pairs = positive(args, ++i); break;
        case "--forks": forks = positive(args, ++i); break;
        case "--warmup": warmup = nonNegative(args, ++i); break;
        case "--block": block = positive(args, ++i); break;
        case "--startup-runs": startupRuns = positive(args, ++i); break;
        case "--memory-runs": memoryRuns = positive(args, ++i); break;
        case "--java": java = value(args, ++i); break;
        case "--skip-startup": startup = false; break;
        case "--skip-requests": load = false; break;
        case "--quick":
          pairs = 1_000;
          warmup = 500;
          startupRuns = 3;
          memoryRuns = 1;
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option + " (see the class comment of "
              + E2eComparison.class.getName() + ")");
      }
    }
  }

  private void run() throws Exception {
    locateJars();
    scratch = Files.createTempDirectory("currents-e2e");
    try {
      compare();
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  private void compare() throws Exception {
    long begin = System.nanoTime();
    printEnvironment();
    List<Row> startupRows = startup ? measureStartup() : List.of();
    List<LoadRow> loadRows = List.of();
    if (load) {
      try (SimulatedCurrentsApi apiA = SimulatedCurrentsApi.builder().readWriteKeys(API_KEY).start();
          SimulatedCurrentsApi apiB = SimulatedCurrentsApi.builder().readWriteKeys(API_KEY).start()) {
        loadRows = measureRequests(apiA, apiB);
      }
    }
    System.out.println();
    if (startup) {
      printStartup(startupRows);
    }
    if (load) {
      printRequests(loadRows);
    }
    printTargets(startupRows, loadRows);
    System.out.printf(Locale.ROOT, "%ntotal time of the comparison: %.0f s; load average at the end %s%n",
        (System.nanoTime() - begin) / 1e9, Jars.loadAverage());
  }

  // ---------------------------------------------------------------------------------------------- set-up

  private void locateJars() throws IOException {
    Jars jars = Jars.locate();
    appJar = jars.app();
    currentsJar = jars.currentsAgent();
    otelJar = jars.otelAgent();
  }

  private void printEnvironment() throws Exception {
    Child version = Child.run(List.of(java, "-version"), scratch, 60).orFail();
    System.out.println("== currents-agent end-to-end comparison (loopback) ==");
    System.out.println("JVM under test : " + java + " : " + version.stderr.split("\n")[0].trim() + " / "
        + (version.stderr.split("\n").length > 2 ? version.stderr.split("\n")[2].trim() : ""));
    System.out.println("cores          : " + Runtime.getRuntime().availableProcessors()
        + "; load average at start " + Jars.loadAverage());
    System.out.printf(Locale.ROOT, "currents-agent : %s (%.2f MiB)%n", currentsJar, mib(Files.size(currentsJar)));
    System.out.printf(Locale.ROOT, "otel javaagent : %s (%.2f MiB)%n", otelJar, mib(Files.size(otelJar)));
    System.out.println("JVM options    : defaults of the JVM under test (no heap or GC flags)");
    System.out.println();
  }

  /** The JVM options of each agent under test; {@code currentsHosts} null leaves the hosts at their default. */
  private List<String> agentFlags(String agent, String currentsHosts, Integer prometheusPort) {
    List<String> flags = new ArrayList<>();
    if (agent.contains("otel")) {
      flags.add("-javaagent:" + otelJar);
      flags.add("-Dotel.traces.exporter=none");
      flags.add("-Dotel.metrics.exporter=none");
      flags.add("-Dotel.logs.exporter=none");
    }
    if (agent.contains("currents")) {
      flags.add("-javaagent:" + currentsJar);
      flags.add("-Dcurrents.agent.prometheus.host=127.0.0.1");
      flags.add("-Dcurrents.agent.prometheus.port=" + (prometheusPort == null ? 0 : prometheusPort));
      if (currentsHosts != null) {
        flags.add("-Dcurrents.agent.hosts=" + currentsHosts);
      }
      if (agent.contains("metrics=none")) {
        flags.add("-Dcurrents.agent.metrics.exporter=none");
      }
      if (agent.contains("enabled=false")) {
        flags.add("-Dcurrents.agent.enabled=false");
      }
    }
    return flags;
  }

  private List<String> command(List<String> flags, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(flags);
    command.add("-cp");
    command.add(appJar.toString());
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  // ---------------------------------------------------------------------------------------------- start-up

  private static final List<String> STARTUP_AGENTS =
      List.of(
          "none",
          "currents",
          "currents (metrics=none)",
          "currents (enabled=false)",
          "otel",
          "otel + currents");

  private List<Row> measureStartup() throws Exception {
    System.out.printf(
        Locale.ROOT, "start-up: %d timed runs and %d memory runs of a trivial main per agent, interleaved%n",
        startupRuns, memoryRuns);
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String agent : STARTUP_AGENTS) {
      rows.put(agent, new Row(agent, "trivial main"));
    }
    // One untimed run of each first: the page cache, the CDS archive and the jars are warm for all alike.
    for (String agent : STARTUP_AGENTS) {
      Child child = Child.run(command(agentFlags(agent, null, null), "dev.currents.benchmarks.app.TrivialMain"),
          scratch, CHILD_TIMEOUT_SECONDS).orFail();
      rows.get(agent).banner = child.agentBanner();
    }
    for (int run = 0; run < startupRuns; run++) {
      for (String agent : rotated(STARTUP_AGENTS, run)) {
        Child child = Child.run(command(agentFlags(agent, null, null), "dev.currents.benchmarks.app.TrivialMain"),
            scratch, CHILD_TIMEOUT_SECONDS).orFail();
        Row row = rows.get(agent);
        row.wallMillis.add(child.wallNanos / 1e6);
        row.toMainMillis.add(toMainMillis(child));
      }
    }
    for (int run = 0; run < memoryRuns; run++) {
      for (String agent : rotated(STARTUP_AGENTS, run)) {
        Child child = Child.run(
            command(agentFlags(agent, null, null), "dev.currents.benchmarks.app.TrivialMain", "--memory"),
            scratch, CHILD_TIMEOUT_SECONDS).orFail();
        Map<String, String> memory = child.fields("MEMORY");
        Row row = rows.get(agent);
        row.rssMib.add(Long.parseLong(memory.get("rss_kb")) / 1024.0);
        row.settledRssMib.add(Long.parseLong(memory.get("settled_rss_kb")) / 1024.0);
        row.classesAtMain.add(Long.parseLong(memory.get("classes_at_main")));
        row.classes.add(Long.parseLong(memory.get("classes")));
        row.heapMib.add(Long.parseLong(memory.get("heap_after_gc_kb")) / 1024.0);
        row.heapBeforeGcMib.add(Long.parseLong(memory.get("heap_before_gc_kb")) / 1024.0);
        row.metaspaceMib.add(Long.parseLong(memory.get("metaspace_kb")) / 1024.0);
        row.threads.add(Long.parseLong(memory.get("threads")));
        row.exitMillis.add((child.startNanos + child.wallNanos - lastNanoTime(child)) / 1e6);
      }
    }
    return new ArrayList<>(rows.values());
  }

  private void printStartup(List<Row> rows) {
    Row base = rows.get(0);
    System.out.printf(Locale.ROOT,
        "== Start-up: trivial main; time from spawn to main and to exit, median of %d runs; memory at the end of"
            + " main, median of %d runs ==%n", startupRuns, memoryRuns);
    System.out.println("| agent | to main ms | added | to exit ms | added | VmRSS at main MiB | added"
        + " | VmRSS 2 s later MiB | added | classes at main / 2 s later | added 2 s later"
        + " | heap before / after GC MiB | metaspace MiB | threads | exit after a 2 s main, ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (Row row : rows) {
      boolean isBase = row == base;
      System.out.printf(Locale.ROOT,
          "| %s | %.0f | %s | %.0f | %s | %.1f | %s | %.1f | %s | %.0f / %.0f | %s | %.1f / %.1f | %.1f | %.0f | %.0f |%n",
          row.agent,
          Stats.median(row.toMainMillis), added(isBase, row.toMainMillis, base.toMainMillis, "%+.0f"),
          Stats.median(row.wallMillis), added(isBase, row.wallMillis, base.wallMillis, "%+.0f"),
          Stats.median(row.rssMib), added(isBase, row.rssMib, base.rssMib, "%+.1f"),
          Stats.median(row.settledRssMib), added(isBase, row.settledRssMib, base.settledRssMib, "%+.1f"),
          Stats.median(row.classesAtMain), Stats.median(row.classes),
          added(isBase, row.classes, base.classes, "%+.0f"),
          Stats.median(row.heapBeforeGcMib), Stats.median(row.heapMib), Stats.median(row.metaspaceMib),
          Stats.median(row.threads), Stats.median(row.exitMillis));
    }
    System.out.println("(to main: spawn to the first line of main; to exit: spawn to the exit seen by this process;"
        + " VmRSS from /proc/self/status first thing in main, and again 2 s later, when an agent that starts on a"
        + " thread of its own is done; the other columns are taken 2 s later; exit: from the end of that 2 s main to"
        + " the process's exit)");
    System.out.println("agents' start lines:");
    for (Row row : rows) {
      for (String line : row.banner) {
        System.out.println("  " + row.agent + ": " + line);
      }
    }
    System.out.println();
  }

  private static String added(boolean isBase, List<? extends Number> values, List<? extends Number> base,
      String format) {
    return isBase ? "-" : String.format(Locale.ROOT, format, Stats.median(values) - Stats.median(base));
  }

  // ---------------------------------------------------------------------------------------------- requests

  private static final List<String> LOAD_AGENTS = List.of("none", "currents", "otel", "otel + currents");

  /** The request figures of one agent configuration, over its forks. */
  private static final class LoadRow {
    final String agent;
    final List<Double> aMean = new ArrayList<>();
    final List<Double> aP50 = new ArrayList<>();
    final List<Double> aP99 = new ArrayList<>();
    final List<Double> bMean = new ArrayList<>();
    final List<Double> bP50 = new ArrayList<>();
    final List<Double> bP99 = new ArrayList<>();
    final List<Double> cpuMicros = new ArrayList<>();
    /** Per cycle, the mean over forks of the block means: A (Currents host) and B (other host), in us. */
    final double[] cycleA;
    final double[] cycleB;
    /** The same with the blocks' medians: robust to the milliseconds a busy machine adds to a few requests. */
    final double[] cycleAMedian;
    final double[] cycleBMedian;
    /** Per fork, per cycle, B's block mean: for the A/A control between forks of the same configuration. */
    final List<double[]> forkCycleB = new ArrayList<>();
    long errors;
    long recorded = -1;
    List<String> banner = List.of();

    LoadRow(String agent, int cycles) {
      this.agent = agent;
      this.cycleA = new double[cycles];
      this.cycleB = new double[cycles];
      this.cycleAMedian = new double[cycles];
      this.cycleBMedian = new double[cycles];
    }

    /** In-JVM: A - B per cycle, in us: what recording costs on top of the host check, at the same moment. */
    List<Double> inJvmDifference() {
      List<Double> difference = new ArrayList<>();
      for (int c = 0; c < cycleA.length; c++) {
        difference.add(cycleA[c] - cycleB[c]);
      }
      return difference;
    }

    /** As {@link #inJvmDifference()}, of the blocks' medians. */
    List<Double> inJvmMedianDifference() {
      List<Double> difference = new ArrayList<>();
      for (int c = 0; c < cycleAMedian.length; c++) {
        difference.add(cycleAMedian[c] - cycleBMedian[c]);
      }
      return difference;
    }
  }

  /**
   * Two identical simulated APIs in this JVM: A, configured as a Currents host ({@code
   * currents.agent.hosts=127.0.0.1:PORT_A}), and B, not. Each agent configuration runs in {@code --forks} JVMs, all
   * alive at once, each alternating requests to A and B one by one. After their warm-up the driver asks every JVM in
   * turn, in a shuffled order each cycle, for a block of request pairs: blocks of one cycle run within a second or
   * two of each other, so a burst of other work on the machine hits all configurations alike.
   *
   * <ul>
   *   <li>the cost of recording a request to Currents is the in-JVM difference A - B (same JVM, same moment),
   *       less the same difference without an agent (the two servers are not perfectly alike);
   *   <li>the cost for other hosts can only be seen across JVMs: B with the agent against B without, paired by
   *       cycle; the forks of the no-agent configuration against each other (an A/A test) show the noise floor.
   * </ul>
   */
  private List<LoadRow> measureRequests(SimulatedCurrentsApi apiA, SimulatedCurrentsApi apiB) throws Exception {
    String urlA = apiA.httpBaseUrl() + APP_PATH;
    String urlB = apiB.httpBaseUrl() + APP_PATH;
    String currentsHosts = "127.0.0.1:" + apiA.httpPort();
    int cycles = Math.max(1, pairs / block);
    System.out.printf(Locale.ROOT,
        "requests: GET %s (A, a Currents host) and %s (B, another host), alternating; %d JVMs alive at once"
            + " (%d forks of each agent); %d warm-up pairs each, then %d cycles of one %d-pair block per JVM in"
            + " shuffled order%n", urlA, urlB, LOAD_AGENTS.size() * forks, forks, warmup, cycles, block);
    warmServer(urlA);
    warmServer(urlB);
    Map<String, LoadRow> rows = new LinkedHashMap<>();
    for (String agent : LOAD_AGENTS) {
      rows.put(agent, new LoadRow(agent, cycles));
    }
    List<LoadJvm> jvms = new ArrayList<>();
    try {
      for (int fork = 0; fork < forks; fork++) {
        for (String agent : LOAD_AGENTS) {
          Integer prometheusPort = agent.contains("currents") ? freePort() : null;
          List<String> args = new ArrayList<>(List.of(urlA, urlB));
          if (prometheusPort != null) {
            args.add("http://127.0.0.1:" + prometheusPort + "/metrics");
          }
          jvms.add(new LoadJvm(agent, "fork " + fork,
              command(agentFlags(agent, currentsHosts, prometheusPort), "dev.currents.benchmarks.app.LoadApp",
                  args.toArray(String[]::new)), scratch));
        }
      }
      for (LoadJvm jvm : jvms) {
        rows.get(jvm.agent).errors += Long.parseLong(jvm.ask("WARM " + warmup, "OK").get("errors"));
      }
      double[][] blockB = new double[jvms.size()][cycles];
      Random random = new Random(42);
      for (int cycle = 0; cycle < cycles; cycle++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < jvms.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, random);
        for (int i : order) {
          LoadJvm jvm = jvms.get(i);
          Map<String, String> answer = jvm.ask("RUN " + block, "BLOCK");
          LoadRow row = rows.get(jvm.agent);
          double a = Long.parseLong(answer.get("a_sum_ns")) / 1e3 / block;
          double b = Long.parseLong(answer.get("b_sum_ns")) / 1e3 / block;
          row.cycleA[cycle] += a / forks;
          row.cycleB[cycle] += b / forks;
          row.cycleAMedian[cycle] += Long.parseLong(answer.get("a_median_ns")) / 1e3 / forks;
          row.cycleBMedian[cycle] += Long.parseLong(answer.get("b_median_ns")) / 1e3 / forks;
          blockB[i][cycle] = b;
          row.errors += Long.parseLong(answer.get("errors"));
        }
        if ((cycle + 1) % Math.max(1, cycles / 4) == 0) {
          System.out.printf(Locale.ROOT, "  %d of %d cycles%n", cycle + 1, cycles);
        }
      }
      for (int i = 0; i < jvms.size(); i++) {
        LoadJvm jvm = jvms.get(i);
        LoadRow row = rows.get(jvm.agent);
        row.forkCycleB.add(blockB[i]);
        Map<String, String> result = jvm.ask("END", "RESULT");
        int timedPairs = Integer.parseInt(result.get("pairs"));
        row.errors += Long.parseLong(result.get("errors"));
        row.aMean.add(Long.parseLong(result.get("a_mean_ns")) / 1e3);
        row.aP50.add(Long.parseLong(result.get("a_p50_ns")) / 1e3);
        row.aP99.add(Long.parseLong(result.get("a_p99_ns")) / 1e3);
        row.bMean.add(Long.parseLong(result.get("b_mean_ns")) / 1e3);
        row.bP50.add(Long.parseLong(result.get("b_p50_ns")) / 1e3);
        row.bP99.add(Long.parseLong(result.get("b_p99_ns")) / 1e3);
        row.cpuMicros.add(Long.parseLong(result.get("cpu_ns")) / 1e3 / (2.0 * timedPairs));
        if (jvm.agent.contains("currents")) {
          row.recorded = Math.max(0, row.recorded) + Long.parseLong(jvm.read("RECORDED").get("value"));
        }
        if (row.banner.isEmpty()) {
          row.banner = jvm.agentBanner();
        }
      }
    } finally {
      for (LoadJvm jvm : jvms) {
        jvm.close();
      }
    }
    return new ArrayList<>(rows.values());
  }

  /** Jetty's request path gets compiled before the first measured run, not during it. */
  private void warmServer(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + API_KEY).build();
    for (int i = 0; i < 3_000; i++) {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException("the simulated API answered " + response.statusCode() + " to " + url);
      }
    }
  }

  /** Per cycle, {@code value - base} of two per-cycle series. */
  private static List<Double> minus(List<Double> values, List<Double> base) {
    List<Double> difference = new ArrayList<>();
    for (int c = 0; c < values.size(); c++) {
      difference.add(values.get(c) - base.get(c));
    }
    return difference;
  }

  /** Per cycle, {@code value / base - 1} in percent. */
  private static List<Double> ratioPercent(double[] values, double[] base) {
    List<Double> ratio = new ArrayList<>();
    for (int c = 0; c < values.length; c++) {
      ratio.add(Stats.addedPercent(values[c], base[c]));
    }
    return ratio;
  }

  private static String medianIqr(List<Double> values, String format) {
    return String.format(Locale.ROOT, format + " (" + format + ".." + format + ")", Stats.median(values),
        Stats.percentile(values, 25), Stats.percentile(values, 75));
  }

  private void printRequests(List<LoadRow> rows) {
    int cycles = Math.max(1, pairs / block);
    LoadRow none = rows.get(0);
    System.out.printf(Locale.ROOT,
        "== Requests: JDK HttpClient, HTTP/1.1, loopback; per JVM %d timed pairs (A, B) after %d warm-up pairs, in"
            + " %d interleaved blocks; %d forks per agent; figures over all forks ==%n", cycles * block, warmup,
        cycles, forks);
    System.out.println("| agent | A: Currents host mean / p50 / p99 us | B: other host mean / p50 / p99 us"
        + " | client CPU us/request | A - B in-JVM us | added per Currents request vs none, us | same, % of A"
        + " | same, of block medians, us | B vs none (across JVMs) | recorded by currents-agent |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (LoadRow row : rows) {
      boolean isBase = row == none;
      List<Double> added = minus(row.inJvmDifference(), none.inJvmDifference());
      List<Double> addedPercent = new ArrayList<>();
      double baseA = Stats.median(none.aMean);
      for (double us : added) {
        addedPercent.add(100 * us / baseA);
      }
      System.out.printf(Locale.ROOT,
          "| %s | %.1f / %.1f / %.0f | %.1f / %.1f / %.0f | %.1f | %s | %s | %s | %s | %s | %s |%n",
          row.agent,
          Stats.median(row.aMean), Stats.median(row.aP50), Stats.median(row.aP99),
          Stats.median(row.bMean), Stats.median(row.bP50), Stats.median(row.bP99),
          Stats.median(row.cpuMicros),
          medianIqr(row.inJvmDifference(), "%+.1f"),
          isBase ? "-" : medianIqr(added, "%+.1f"),
          isBase ? "-" : medianIqr(addedPercent, "%+.1f").replace(")", ")%"),
          isBase ? "-" : medianIqr(minus(row.inJvmMedianDifference(), none.inJvmMedianDifference()), "%+.2f"),
          isBase ? "-" : medianIqr(ratioPercent(row.cycleB, none.cycleB), "%+.1f").replace(")", ")%"),
          row.recorded < 0 ? "-" : row.recorded + " of " + (long) forks * (warmup + cycles * block)
              + (row.errors > 0 ? " (" + row.errors + " errors)" : ""));
    }
    if (none.forkCycleB.size() >= 2) {
      System.out.println("A/A control, the no-agent forks against each other (B, across JVMs): "
          + medianIqr(ratioPercent(none.forkCycleB.get(1), none.forkCycleB.get(0)), "%+.1f") + "%");
    }
    System.out.println("(each cell: median over cycles, with the interquartile range in brackets. A - B: the"
        + " difference of the block means of A and B in the same JVM. added per Currents request: A - B with the"
        + " agent less A - B without; the next column does the same with each block's median latency. client CPU: CPU time of the load JVM's process, all threads, during the timed"
        + " blocks, per request; the simulated APIs' CPU is not in it)");
    System.out.println("agents' start lines:");
    for (LoadRow row : rows) {
      for (String line : row.banner) {
        System.out.println("  " + row.agent + ": " + line);
      }
    }
    System.out.println();
  }

  // ---------------------------------------------------------------------------------------------- targets

  private void printTargets(List<Row> startupRows, List<LoadRow> loadRows) throws IOException {
    System.out.println("== The team's targets ==");
    double jarMib = mib(Files.size(currentsJar));
    System.out.printf(Locale.ROOT, "jar size          : %.2f MiB (target < 6 MiB): %s%n", jarMib,
        jarMib < 6 ? "met" : "MISSED");
    if (!startupRows.isEmpty()) {
      Row base = find(startupRows, "none", "trivial main");
      Row currents = find(startupRows, "currents", "trivial main");
      double addedMs = Stats.median(currents.toMainMillis) - Stats.median(base.toMainMillis);
      double addedExitMs = Stats.median(currents.wallMillis) - Stats.median(base.wallMillis);
      double addedMib = Math.max(Stats.median(currents.rssMib) - Stats.median(base.rssMib),
          Stats.median(currents.settledRssMib) - Stats.median(base.settledRssMib));
      System.out.printf(Locale.ROOT, "start-up time     : %+.0f ms to main (target < 150 ms): %s;"
          + " %+.0f ms to exit%n", addedMs, addedMs < 150 ? "met" : "MISSED", addedExitMs);
      System.out.printf(Locale.ROOT, "start-up memory   : %+.1f MiB VmRSS, the larger of at main and 2 s later"
          + " (target < 30 MiB): %s%n", addedMib,
          addedMib < 30 ? "met" : "MISSED");
    }
    if (!loadRows.isEmpty()) {
      LoadRow none = loadRows.get(0);
      LoadRow currents = loadRows.get(1);
      double baseA = Stats.median(none.aMean);
      List<Double> added = new ArrayList<>();
      for (double us : minus(currents.inJvmDifference(), none.inJvmDifference())) {
        added.add(100 * us / baseA);
      }
      double mean = Stats.mean(added);
      double half = Stats.ci95HalfWidth(added);
      double baseMedian = Stats.median(none.aP50);
      List<Double> addedMedian = new ArrayList<>();
      for (double us : minus(currents.inJvmMedianDifference(), none.inJvmMedianDifference())) {
        addedMedian.add(100 * us / baseMedian);
      }
      double typical = Stats.mean(addedMedian);
      double typicalHalf = Stats.ci95HalfWidth(addedMedian);
      System.out.printf(Locale.ROOT,
          "request to Currents (typical request, block medians): %+.2f%% per request on loopback (%+.2f us; 95%% CI"
              + " %+.2f..%+.2f%%; target < 2%%): %s%n",
          typical, typical * baseMedian / 100, typical - typicalHalf, typical + typicalHalf,
          typical + typicalHalf < 2 ? "met" : typical - typicalHalf > 2 ? "MISSED"
              : "not resolved by this run (the CI straddles 2%)");
      System.out.printf(Locale.ROOT,
          "request to Currents (mean, outliers included): %+.2f%% (%+.1f us; 95%% CI %+.2f..%+.2f%%): %s%n",
          mean, mean * baseA / 100, mean - half, mean + half,
          mean + half < 2 ? "met" : mean - half > 2 ? "MISSED" : "not resolved by this run (the CI straddles 2%)");
      List<Double> other = ratioPercent(currents.cycleB, none.cycleB);
      double otherMean = Stats.mean(other);
      double otherHalf = Stats.ci95HalfWidth(other);
      String control = "";
      if (none.forkCycleB.size() >= 2) {
        List<Double> aa = ratioPercent(none.forkCycleB.get(1), none.forkCycleB.get(0));
        control = String.format(Locale.ROOT, "; A/A control between no-agent JVMs %+.2f%% (95%% CI %+.2f..%+.2f%%)",
            Stats.mean(aa), Stats.mean(aa) - Stats.ci95HalfWidth(aa), Stats.mean(aa) + Stats.ci95HalfWidth(aa));
      }
      System.out.printf(Locale.ROOT,
          "request to another host: %+.2f%% across JVMs (95%% CI %+.2f..%+.2f%%)%s: %s%n", otherMean,
          otherMean - otherHalf, otherMean + otherHalf, control,
          otherMean - otherHalf <= 0 && otherMean + otherHalf >= 0
              ? "nothing measurable (zero within the CI)" : "MEASURABLE, or JVM-to-JVM variance: see the A/A control");
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static final class Row {
    final String agent;
    final String target;
    final List<Double> wallMillis = new ArrayList<>();
    final List<Double> toMainMillis = new ArrayList<>();
    final List<Double> rssMib = new ArrayList<>();
    final List<Double> settledRssMib = new ArrayList<>();
    final List<Long> classesAtMain = new ArrayList<>();
    final List<Long> classes = new ArrayList<>();
    final List<Double> heapMib = new ArrayList<>();
    final List<Double> heapBeforeGcMib = new ArrayList<>();
    final List<Double> metaspaceMib = new ArrayList<>();
    final List<Long> threads = new ArrayList<>();
    final List<Double> exitMillis = new ArrayList<>();
    List<String> banner = List.of();

    Row(String agent, String target) {
      this.agent = agent;
      this.target = target;
    }
  }

  private static Row find(List<Row> rows, String agent, String target) {
    for (Row row : rows) {
      if (row.agent.equals(agent) && row.target.equals(target)) {
        return row;
      }
    }
    throw new IllegalStateException("no row " + agent + " / " + target);
  }

  /** The list started at a different element each round, so that no configuration always runs first. */
  static <T> List<T> rotated(List<T> list, int by) {
    List<T> rotated = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      rotated.add(list.get((i + by) % list.size()));
    }
    return rotated;
  }

  /**
   * From the spawn to the entry of main: the child prints its {@link System#nanoTime()} there, which on Linux is
   * CLOCK_MONOTONIC, shared by all processes.
   */
  static double toMainMillis(Child child) throws IOException {
    for (String line : child.stdout) {
      if (!line.isBlank() && line.chars().allMatch(Character::isDigit)) {
        double millis = (Long.parseLong(line.trim()) - child.startNanos) / 1e6;
        if (millis <= 0 || millis > child.wallNanos / 1e6) {
          throw new IOException("the child's clock is not this one's: " + millis + " ms to main");
        }
        return millis;
      }
    }
    throw new IOException("no time of main from " + String.join(" ", child.command));
  }

  /** The last {@link System#nanoTime()} the child printed. */
  private static long lastNanoTime(Child child) throws IOException {
    for (int i = child.stdout.size() - 1; i >= 0; i--) {
      String line = child.stdout.get(i).trim();
      if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(line);
      }
    }
    throw new IOException("no time from " + String.join(" ", child.command));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  private static int positive(String[] args, int i) {
    int n = Integer.parseInt(value(args, i));
    if (n <= 0) {
      throw new IllegalArgumentException(args[i - 1] + " must be positive");
    }
    return n;
  }

  private static int nonNegative(String[] args, int i) {
    int n = Integer.parseInt(value(args, i));
    if (n < 0) {
      throw new IllegalArgumentException(args[i - 1] + " must not be negative");
    }
    return n;
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException("missing value after " + args[i - 1]);
    }
    return args[i];
  }
}
