package dev.currents.demo;

import dev.currents.simapi.SimulatedCurrentsApi;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The demo: {@code java -jar integration-tests/target/currents-demo.jar [--keep-running] [--verbose]
 * [--agent PATH]}.
 *
 * <p>Starts the simulated Currents API in this JVM, runs {@link Workload} in another JVM with the agent
 * attached as a user attaches it, scrapes the agent's {@code /metrics} once the workload has made its calls,
 * and prints what the agent recorded. This JVM has no agent: it only reads what the other one exposes.
 *
 * <p>Exit codes: 0 done, and the agent counted what the application saw; 1 the demo could not finish;
 * 2 bad usage or no agent jar; 3 done, but the agent's counts differ from what the application saw.
 */
public final class Demo {
    static final String DEFAULT_AGENT_JAR = "agent/target/currents-agent.jar";
    private static final String TRUST_STORE_PASSWORD = "changeit";
    private static final Duration AGENT_START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WORKLOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SCRAPE_SETTLE = Duration.ofSeconds(3);
    private static final String USAGE = "usage: java -jar integration-tests/target/currents-demo.jar"
            + " [--keep-running] [--verbose] [--agent PATH]";

    private final Options options;
    private final PrintStream out;

    /** The command line. */
    record Options(Path agentJar, boolean keepRunning, boolean verbose) {
        static Options parse(String... args) {
            Path agent = null;
            boolean keepRunning = false;
            boolean verbose = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--keep-running" -> keepRunning = true;
                    case "--verbose", "-v" -> verbose = true;
                    case "--agent" -> {
                        if (i + 1 == args.length) {
                            throw new IllegalArgumentException("--agent needs the path of currents-agent.jar");
                        }
                        agent = Path.of(args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(agent, keepRunning, verbose);
        }
    }

    Demo(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            System.out.println("Runs a workload with the agent attached against a simulated Currents API and"
                    + " prints what the agent recorded.");
            System.out.println("  --keep-running  keep the workload and the API up after the summary, to scrape"
                    + " /metrics yourself");
            System.out.println("  --verbose       also list every call and what the application got back");
            System.out.println("  --agent PATH    the agent jar (default: " + DEFAULT_AGENT_JAR + ")");
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("currents-demo: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(new Demo(options, System.out).run());
    }

    int run() {
        long start = System.nanoTime();
        Path agentJar = locateAgentJar();
        if (!Files.isRegularFile(agentJar)) {
            System.err.println(options.agentJar() != null
                    ? "currents-demo: no agent jar at " + agentJar.toAbsolutePath().normalize() + " (--agent)"
                    : "currents-demo: no agent jar at " + agentJar.toAbsolutePath().normalize()
                            + ": run ./mvnw -q -DskipTests package first (from the repository root), or pass --agent PATH");
            return 2;
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("currents-demo");
            return runWith(agentJar, temp, start);
        } catch (DemoFailure failure) {
            System.err.println("currents-demo: FAILED: " + failure.getMessage());
            failure.details().forEach(System.err::println);
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("currents-demo: FAILED: " + e);
            return 1;
        } finally {
            deleteQuietly(temp);
        }
    }

    private int runWith(Path agentJar, Path temp, long start) throws DemoFailure {
        List<Step> steps = Plan.steps();
        try (SimulatedCurrentsApi api = DemoApi.start(steps)) {
            Path trustStore = api.writeTrustStore(temp, TRUST_STORE_PASSWORD);
            // Should Ctrl-C end the demo early: deleted in reverse order, the file before its directory.
            temp.toFile().deleteOnExit();
            trustStore.toFile().deleteOnExit();
            int closedPort = closedPort();
            say("simulated Currents API on " + api.httpBaseUrl() + " and " + api.httpsBaseUrl());
            List<String> command = workloadCommand(agentJar, trustStore, api, closedPort);
            say("starting the workload in its own JVM, the agent attached as a user attaches it:");
            displayed(command, Summary.DEFAULT_WIDTH).forEach(out::println);
            try (WorkloadProcess workload = WorkloadProcess.start(command, this::echoAgentLine)) {
                int port = workload.awaitMetricsPort(AGENT_START_TIMEOUT);
                WorkloadProcess.Done done = workload.awaitDone(WORKLOAD_TIMEOUT);
                if (!done.complete()) {
                    throw new DemoFailure("the workload reported " + done.observations().size() + " of the "
                            + done.attempts() + " attempts of its " + done.calls() + " calls", workload.stderrTail());
                }
                say("the workload made " + done.calls() + " calls (" + done.attempts() + " requests, retries"
                        + " included) in " + seconds(done.millis())
                        + " through java.net.http.HttpClient and HttpURLConnection");
                if (options.verbose()) {
                    printCalls(steps, done.observations());
                }
                URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
                long retriedCalls = steps.stream().filter(step -> step.retrying() != null).count();
                Scrape scrape = scrapeSettled(metrics, done.attempts(), retriedCalls, workload);
                say("scraped " + metrics);
                AgreementSection check = AgreementSection.of(steps, done.observations());
                Summary summary = new Summary(
                        List.of(new RequestsSection(), new CategoryTotalsSection(), BackoffSection.of(steps), check),
                        Summary.DEFAULT_WIDTH);
                out.println();
                out.print(summary.render(scrape));
                out.println();
                if (options.keepRunning()) {
                    keepRunning(metrics, api, workload, temp);
                    return 0;
                }
                workload.quit(Duration.ofSeconds(5));
                say("done in " + seconds(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                        + "; workload and simulated API stopped.");
                if (!check.agrees(scrape)) {
                    System.err.println("currents-demo: the agent's counts differ from what the application saw"
                            + " (see the check above)");
                    return 3;
                }
                return 0;
            }
        }
    }

    /** {@code --agent}, else {@value #DEFAULT_AGENT_JAR} under the working directory, else next to this jar's build. */
    private Path locateAgentJar() {
        if (options.agentJar() != null) {
            return options.agentJar();
        }
        Path inWorkingDirectory = Path.of(DEFAULT_AGENT_JAR);
        if (Files.isRegularFile(inWorkingDirectory)) {
            return inWorkingDirectory;
        }
        // integration-tests/target/currents-demo.jar -> agent/target/currents-agent.jar, wherever it runs from.
        Path target = ownClassPath().toAbsolutePath().getParent();
        Path module = target == null ? null : target.getParent();
        if (module != null && module.getParent() != null) {
            Path sibling = module.getParent().resolve(DEFAULT_AGENT_JAR);
            if (Files.isRegularFile(sibling)) {
                return sibling;
            }
        }
        return inWorkingDirectory;
    }

    private List<String> workloadCommand(Path agentJar, Path trustStore, SimulatedCurrentsApi api, int closedPort) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-javaagent:" + agentJar);
        command.add("-Dcurrents.agent.hosts=127.0.0.1,localhost");
        command.add("-Dcurrents.agent.prometheus.port=0");
        command.add("-Djavax.net.ssl.trustStore=" + trustStore);
        command.add("-Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
        command.add("-cp");
        command.add(ownClassPath().toString());
        command.add(Workload.class.getName());
        command.add("--http");
        command.add(api.httpBaseUrl());
        command.add("--https");
        command.add(api.httpsBaseUrl());
        command.add("--closed-port");
        command.add(Integer.toString(closedPort));
        return command;
    }

    /** The command as a person would type it, paths under the working directory relative, wrapped like a shell's. */
    static List<String> displayed(List<String> command, int width) {
        Path here = Path.of("").toAbsolutePath();
        List<String> words = new ArrayList<>();
        words.add("java");
        for (String word : command.subList(1, command.size())) {
            words.add(relativize(word, here));
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("  ");
        for (String word : words) {
            boolean first = line.toString().isBlank();
            if (!first && line.length() + 1 + word.length() + 2 > width) {
                lines.add(line.append(" \\").toString());
                line = new StringBuilder("      ");
                first = true;
            }
            line.append(first ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String relativize(String word, Path here) {
        int equals = word.indexOf('=');
        int colon = word.startsWith("-javaagent:") ? "-javaagent:".length() - 1 : -1;
        int split = Math.max(equals, colon);
        String prefix = word.substring(0, split + 1);
        String value = word.substring(split + 1);
        if (value.startsWith(here.toString() + "/")) {
            return prefix + here.relativize(Path.of(value));
        }
        return word;
    }

    /**
     * Scrapes until the agent has counted at least {@code requests} requests and finished at least {@code chains}
     * retry chains, or {@link #SCRAPE_SETTLE} has passed.
     */
    private static Scrape scrapeSettled(URI metrics, int requests, long chains, WorkloadProcess workload)
            throws DemoFailure {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + SCRAPE_SETTLE.toNanos();
        while (true) {
            workload.checkAlive();
            Scrape scrape = scrape(client, metrics);
            boolean settled = RequestCounts.from(scrape).total() >= requests
                    && scrape.sum(BackoffMeters.CHAINS) >= chains;
            if (settled || System.nanoTime() > deadline) {
                return scrape;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return scrape;
            }
        }
    }

    private static Scrape scrape(HttpClient client, URI metrics) throws DemoFailure {
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoFailure("cannot scrape " + metrics + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while scraping " + metrics);
        }
        if (response.statusCode() != 200) {
            throw new DemoFailure("scraping " + metrics + " answered " + response.statusCode());
        }
        try {
            return Scrape.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new DemoFailure("cannot read the scrape of " + metrics + ": " + e.getMessage());
        }
    }

    /** Until Ctrl-C, whose shutdown hook stops everything: the main thread may not get another turn. */
    private void keepRunning(URI metrics, SimulatedCurrentsApi api, WorkloadProcess workload, Path temp)
            throws DemoFailure {
        Thread main = Thread.currentThread();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread stop = new Thread(() -> {
            stopping.set(true);
            workload.quit(Duration.ofSeconds(3));
            api.close();
            deleteQuietly(temp);
            System.out.println();
            System.out.println("[currents-demo] stopped the workload and the simulated API.");
            main.interrupt();
        }, "currents-demo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        say("keeping the workload (pid " + workload.pid() + ") and the simulated API running; Ctrl-C to stop.");
        out.println("  metrics:  " + metrics);
        out.println("  try:      curl -s " + metrics + " | grep '^currents_api_requests_seconds_count'");
        out.println("            curl -s " + metrics + " | grep -E '^currents_api_(backoff|retry)'");
        out.println("  API:      " + api.httpBaseUrl() + "/v1/projects, " + api.httpsBaseUrl()
                + "/v1/projects (key " + Plan.READ_WRITE_KEY + ")");
        out.flush();
        try {
            workload.onExit().get();
            // Ctrl-C reaches the workload too, maybe before our shutdown hook has started: give it a moment.
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            return;
        } catch (ExecutionException e) {
            // onExit does not fail.
        }
        if (!stopping.get()) {
            Runtime.getRuntime().removeShutdownHook(stop);
            throw new DemoFailure("the workload JVM ended while the demo kept running", workload.stderrTail());
        }
    }

    private void printCalls(List<Step> steps, List<Observation> observations) {
        TextTable table = new TextTable(TextTable.Column.right("#"), TextTable.Column.left("client"),
                TextTable.Column.left("call"), TextTable.Column.left("the application got"),
                TextTable.Column.right("ms"));
        Map<Integer, Integer> attempts = new HashMap<>();
        // A stable sort: a retried call's attempts stay in the order the workload reported them.
        observations.stream().sorted(Comparator.comparingInt(Observation::index)).forEach(seen -> {
            Step step = steps.get(seen.index());
            String over = switch (step.target()) {
                case HTTP -> "http";
                case HTTPS -> "https";
                case CLOSED_PORT -> "closed port";
            };
            int attempt = attempts.merge(seen.index(), 1, Integer::sum);
            String call = attempt == 1 ? step.label() + " (" + over + ")" : "  retry " + (attempt - 1);
            table.row(attempt == 1 ? seen.index() + 1 : "", step.via().description, call, seen.shortResult(),
                    seen.millis());
        });
        out.println();
        table.render(Summary.DEFAULT_WIDTH).forEach(out::println);
        out.println();
    }

    private void echoAgentLine(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println("[currents-demo] " + line);
            out.flush();
        }
    }

    /** A loopback port nothing listens on: the workload's refused connections go there. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path windows = bin.resolve("java.exe");
        return (Files.isRegularFile(windows) ? windows : bin.resolve("java")).toString();
    }

    /** This jar (or classes directory): the workload runs from it too. */
    private static Path ownClassPath() {
        try {
            return Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the demo's own jar", e);
        }
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temp directory left behind is harmless.
        }
    }
}
