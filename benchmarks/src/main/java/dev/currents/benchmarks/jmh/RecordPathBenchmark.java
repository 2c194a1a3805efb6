package dev.currents.benchmarks.jmh;

import dev.currents.agent.AgentInstaller;
import dev.currents.agent.bootstrap.Attempt;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import dev.currents.agent.config.AgentConfig;
import dev.currents.agent.metrics.MeterRegistries;
import dev.currents.agent.tracing.Tracing;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent adds to one request to Currents: {@link CurrentsRequests#start} and {@link
 * CurrentsRequests#end} through the agent's real recorder, as {@code AgentInstaller} wires it ({@link
 * AgentInstaller#recorder}): the {@code TelemetryRecorder} with the Currents route table, request and backoff metrics, retry
 * chains and spans, on the registries of {@link MeterRegistries} (Prometheus, its scrape endpoint started on a free
 * loopback port) and the tracing of {@link Tracing} (default configuration: no traces exporter).
 *
 * <ul>
 *   <li>{@code startEnd}: an attempt with a bearer key, answered 200;
 *   <li>{@code startEnd_2threads}: the same from two threads at once, on the same timer;
 *   <li>{@code startEndNoCredential}: without the credential header, to show what its fingerprint costs;
 *   <li>{@code adviceCurrents}: the advice's whole path: the host check, then start and end.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordPathBenchmark {

  private static final String CLIENT = "java-http-client";

  private URI uri;
  /** The request's headers, as a client would hold them: read through a getter, never copied. */
  private Map<String, String> headers;
  private MeterRegistries registries;

  @Setup
  public void setUp() {
    AgentConfig config =
        AgentConfig.load(
            Map.of(
                "currents.agent.prometheus.host", "127.0.0.1",
                "currents.agent.prometheus.port", "0",
                "currents.agent.log.level", "warn"),
            Map.of());
    registries = MeterRegistries.start(config, "benchmark");
    Tracing tracing = Tracing.start(config, "benchmark", registries.registry());
    CurrentsRequests.install(
        HostFilter.parse(config.hosts()), AgentInstaller.recorder(config, registries.registry(), tracing));
    uri = URI.create("https://api.currents.dev/v1/runs/0123456789abcdef0123456789abcdef");
    headers = Map.of("Authorization", "Bearer 4f2c6d1e8a9b7c3d5e6f7a8b9c0d1e2f");
  }

  @Benchmark
  public Attempt startEnd() {
    Attempt attempt = CurrentsRequests.start(CLIENT, "GET", uri, headers, Map::get, null);
    CurrentsRequests.end(attempt, 200, null, null);
    return attempt;
  }

  @Benchmark
  @Threads(2)
  public Attempt startEnd_2threads() {
    Attempt attempt = CurrentsRequests.start(CLIENT, "GET", uri, headers, Map::get, null);
    CurrentsRequests.end(attempt, 200, null, null);
    return attempt;
  }

  @Benchmark
  public Attempt startEndNoCredential() {
    Attempt attempt = CurrentsRequests.start(CLIENT, "GET", uri, null, null, null);
    CurrentsRequests.end(attempt, 200, null, null);
    return attempt;
  }

  @Benchmark
  public Attempt adviceCurrents() {
    if (!CurrentsRequests.isCurrents(uri)) {
      return null;
    }
    Attempt attempt = CurrentsRequests.start(CLIENT, "GET", uri, headers, Map::get, null);
    CurrentsRequests.end(attempt, 200, null, null);
    return attempt;
  }
}
