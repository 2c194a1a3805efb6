package dev.currents.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The application under test: a separate JVM running {@code dev.currents.testapp.ClientDriver}, with the agent
 * attached by {@code -javaagent} as users attach it. Tests send it calls and read the agent's {@code /metrics}.
 */
final class AppJvm implements AutoCloseable {

  static final Path AGENT_JAR = Paths.get(System.getProperty("currents.agent.jar", "../agent/target/currents-agent.jar"));
  private static final Pattern METRICS_URL = Pattern.compile("metrics prometheus http://[^:]+:(\\d+)/metrics");
  private static final HttpClient SCRAPER = HttpClient.newHttpClient();

  private final Process process;
  private final PrintWriter stdin;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();
  private final List<String> startOutput = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** Why the application's answers are out of step with its calls, once they are; null until then. */
  private volatile String outOfStep;

  private AppJvm(Process process) {
    this.process = process;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), stdout::add);
    pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr::add);
  }

  static Builder builder(Jdks.Jdk jdk) {
    return new Builder(jdk);
  }

  static final class Builder {
    private final Jdks.Jdk jdk;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> classPath = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean agent = true;
    private final List<String> agentsBefore = new ArrayList<>();
    private final List<String> agentsAfter = new ArrayList<>();
    private String mainClass = "dev.currents.testapp.ClientDriver";
    private Path mainJar;
    private final List<String> arguments = new ArrayList<>();

    private Builder(Jdks.Jdk jdk) {
      this.jdk = jdk;
      classPath.add(System.getProperty("it.app.classes", "target/classes"));
      classPath.add(applicationDependencies());
      properties.put("currents.agent.prometheus.port", "0");
    }

    private static String applicationDependencies() {
      try {
        return Files.readString(Paths.get(System.getProperty("it.app.classpath.file", "target/app-classpath.txt"))).trim();
      } catch (IOException e) {
        throw new UncheckedIOException("run the tests through Maven, which writes the application's class path", e);
      }
    }

    Builder property(String key, String value) {
      properties.put(key, value);
      return this;
    }

    Builder environment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    Builder classPath(String entry) {
      classPath.add(entry);
      return this;
    }

    /**
     * A library's class path, ahead of the application's own dependencies: where both have a jar (Spring's, for
     * WebClient), the library's version is the one the library was built for.
     */
    Builder libraryClassPath(String entry) {
      classPath.add(1, entry);
      return this;
    }

    /** This module's test classes: applications written for one test, such as {@link ClashingApplication}. */
    Builder testClasses() {
      return classPath(Paths.get(AppJvm.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString());
    }

    /** A jar of the test class path, by file name without {@code .jar}: {@code opentelemetry-api-1.20.0}. */
    Builder testJar(String name) {
      return classPath(
          Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
              .filter(entry -> Paths.get(entry).getFileName().toString().equals(name + ".jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(name + " is not on the test class path")));
    }

    /** Another {@code -javaagent}, attached before this agent or after it. */
    /** The class path the application gets unless it runs from a {@link #mainJar}: for that jar's manifest. */
    List<String> classPath() {
      return List.copyOf(classPath);
    }

    Builder javaagent(Path jar, boolean beforeThisAgent) {
      (beforeThisAgent ? agentsBefore : agentsAfter).add("-javaagent:" + jar.toAbsolutePath());
      return this;
    }

    Builder mainClass(String name) {
      mainClass = name;
      return this;
    }

    /**
     * Runs {@code java -jar jar} instead of a main class on the class path, as services are run; the jar's
     * manifest names its main class and class path.
     */
    Builder mainJar(Path jar) {
      mainJar = jar;
      return this;
    }

    Builder arguments(String... values) {
      arguments.addAll(List.of(values));
      return this;
    }

    Builder withoutAgent() {
      agent = false;
      return this;
    }

    AppJvm start() throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(jdk.java().toString());
      command.addAll(agentsBefore);
      if (agent) {
        command.add("-javaagent:" + AGENT_JAR.toAbsolutePath());
      }
      command.addAll(agentsAfter);
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      if (mainJar != null) {
        command.add("-jar");
        command.add(mainJar.toAbsolutePath().toString());
      } else {
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add(mainClass);
      }
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().keySet().removeIf(name -> name.startsWith("CURRENTS_AGENT_") || name.startsWith("OTEL_")
          || name.endsWith("_APPLICATION_NAME"));
      builder.environment().putAll(environment);
      AppJvm jvm = new AppJvm(builder.start());
      jvm.awaitReady();
      if (agent && !"false".equals(properties.get("currents.agent.enabled"))) {
        jvm.awaitAgentStarted();
      }
      return jvm;
    }
  }

  private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
    Thread thread =
        new Thread(
            () -> {
              try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                  sink.accept(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the application's READY; what it printed before is kept in {@link #startOutput()}. */
  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (!"READY".equals(line = stdout.poll(100, TimeUnit.MILLISECONDS))) {
      if (line != null) {
        startOutput.add(line);
      } else if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("the application did not start; stderr:\n" + String.join("\n", stderr));
      }
    }
  }

  /** The agent starts in the background and says so in one line; tests begin after it. */
  private void awaitAgentStarted() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (stderr.stream().noneMatch(line -> line.contains(" on Java ") || line.contains("could not start"))) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("the agent did not start; stderr:\n" + String.join("\n", stderr));
      }
      Thread.sleep(10);
    }
  }

  List<String> startOutput() {
    return List.copyOf(startOutput);
  }

  /**
   * Makes one call and returns the driver's answer without its id: {@code STATUS 200} or {@code ERROR
   * java.net.ConnectException}.
   */
  String call(String client, String method, String url, String... options) throws InterruptedException {
    return calls(1, client, method, url, options).get(0);
  }

  /**
   * Makes {@code count} calls one after the other without waiting for each answer before sending the next line,
   * and returns the answers without their ids: the driver's own pace, not the test's.
   */
  List<String> calls(int count, String client, String method, String url, String... options)
      throws InterruptedException {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = Integer.toString(ids.incrementAndGet());
      sent.add(id);
      stdin.println(id + " " + client + " " + method + " " + url + " " + String.join(" ", options));
    }
    List<String> answers = new ArrayList<>();
    for (String id : sent) {
      answers.add(answerTo(id));
    }
    return answers;
  }

  /**
   * Sends one line of an application's own protocol ({@code <id> <line>}, answered {@code <id> <answer>}) and
   * returns the answer without its id: for applications that are not the driver, such as the Quarkus service.
   */
  String request(String line) throws InterruptedException {
    String id = Integer.toString(ids.incrementAndGet());
    stdin.println(id + " " + line);
    return answerTo(id);
  }

  /**
   * The answer to a call, within a minute. An application that missed one answers out of step from then on (or never
   * again, when a client hangs): every later call fails at once, saying which one broke it.
   */
  private String answerTo(String id) throws InterruptedException {
    if (outOfStep != null) {
      throw new IllegalStateException("the application stopped answering in step: " + outOfStep);
    }
    String answer = stdout.poll(60, TimeUnit.SECONDS);
    if (answer == null || !answer.startsWith(id + " ")) {
      outOfStep = "unexpected answer to call " + id + ": " + answer;
      throw new IllegalStateException(outOfStep + "; stderr:\n" + String.join("\n", stderr));
    }
    return answer.substring(id.length() + 1);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  /** The port of the agent's Prometheus endpoint, from its start-up line. */
  int metricsPort() {
    for (String line : stderr) {
      Matcher matcher = METRICS_URL.matcher(line);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new IllegalStateException("the agent printed no metrics endpoint; stderr:\n" + String.join("\n", stderr));
  }

  PrometheusScrape scrape() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort() + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<String> response = SCRAPER.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("scrape answered " + response.statusCode());
    }
    return PrometheusScrape.parse(response.body());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    stdin.println("quit");
    stdin.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** Waits for the application to end by itself and returns its exit code. */
  int awaitExit() throws InterruptedException {
    stdin.close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the application did not end; stderr:\n" + String.join("\n", stderr));
    }
    return process.exitValue();
  }
}
