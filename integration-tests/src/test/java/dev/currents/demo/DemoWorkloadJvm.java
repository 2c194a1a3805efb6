package dev.currents.demo;

import dev.currents.simapi.SimulatedCurrentsApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's workload (every error category, a burst, a careful and a hammering client) against the demo's own
 * simulated API, in a JVM with the agent, for tests outside this package: they get its metrics port and wait
 * for its calls to be made. Its metrics stay served until {@link #close()}.
 */
public final class DemoWorkloadJvm implements AutoCloseable {

  private static final String TRUST_STORE_PASSWORD = "changeit";

  private final SimulatedCurrentsApi api;
  private final WorkloadProcess workload;
  private final int metricsPort;

  private DemoWorkloadJvm(SimulatedCurrentsApi api, WorkloadProcess workload, int metricsPort) {
    this.api = api;
    this.workload = workload;
    this.metricsPort = metricsPort;
  }

  /** Starts the API and the workload, whose agent reports as {@code serviceName}; returns once the agent serves metrics. */
  public static DemoWorkloadJvm start(Path agentJar, String classPath, String serviceName, Path temp) {
    SimulatedCurrentsApi api = DemoApi.start(Plan.steps());
    try {
      Path trustStore = api.writeTrustStore(temp, TRUST_STORE_PASSWORD);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-javaagent:" + agentJar.toAbsolutePath());
      command.add("-Dcurrents.agent.hosts=127.0.0.1,localhost");
      command.add("-Dcurrents.agent.prometheus.port=0");
      command.add("-Dcurrents.agent.prometheus.host=127.0.0.1");
      command.add("-Dcurrents.agent.service.name=" + serviceName);
      command.add("-Djavax.net.ssl.trustStore=" + trustStore);
      command.add("-Djavax.net.ssl.trustStorePassword=" + TRUST_STORE_PASSWORD);
      command.add("-cp");
      command.add(classPath);
      command.add(Workload.class.getName());
      command.add("--http");
      command.add(api.httpBaseUrl());
      command.add("--https");
      command.add(api.httpsBaseUrl());
      command.add("--closed-port");
      command.add(Integer.toString(freePort()));
      WorkloadProcess workload = WorkloadProcess.start(command, line -> {});
      return new DemoWorkloadJvm(api, workload, workload.awaitMetricsPort(Duration.ofSeconds(30)));
    } catch (DemoFailure e) {
      api.close();
      throw new IllegalStateException("the demo workload did not start: " + e.getMessage() + "\n"
          + String.join("\n", e.details()), e);
    } catch (RuntimeException e) {
      api.close();
      throw e;
    }
  }

  public int metricsPort() {
    return metricsPort;
  }

  /** Waits until every call of the plan is made and reported. */
  public void awaitDone(Duration timeout) {
    try {
      WorkloadProcess.Done done = workload.awaitDone(timeout);
      if (!done.complete()) {
        throw new IllegalStateException("the demo workload reported " + done.observations().size() + " of "
            + done.attempts() + " attempts");
      }
    } catch (DemoFailure e) {
      throw new IllegalStateException("the demo workload failed: " + e.getMessage() + "\n"
          + String.join("\n", workload.stderrTail()), e);
    }
  }

  @Override
  public void close() {
    workload.close();
    api.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
