package dev.currents.benchmarks.jmh;

import dev.currents.agent.bootstrap.AttemptRecorder;
import dev.currents.agent.bootstrap.CurrentsRequests;
import dev.currents.agent.common.HostFilter;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The check every request of the application pays, Currents or not: {@link CurrentsRequests#isCurrents(URI)}
 * (the JDK HttpClient's advice) and {@link CurrentsRequests#isCurrents(URL)} (HttpURLConnection's), with the
 * host filter the agent installs by default ({@code currents.agent.hosts} unset).
 *
 * <p>{@code url}: another host; another host of the same length as a Currents host (so the comparison gets
 * past the length check); a Currents host.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IsCurrentsBenchmark {

  @Param({
    "https://example.com/v1/orders/42",
    "https://api.currents.com/v1/runs/1",
    "https://api.currents.dev/v1/runs/1"
  })
  public String url;

  private URI uri;
  private URL javaNetUrl;

  @Setup
  public void setUp() throws Exception {
    CurrentsRequests.install(HostFilter.parse(HostFilter.DEFAULTS), AttemptRecorder.NONE);
    uri = URI.create(url);
    javaNetUrl = uri.toURL();
  }

  @Benchmark
  public boolean isCurrentsUri() {
    return CurrentsRequests.isCurrents(uri);
  }

  @Benchmark
  public boolean isCurrentsUrl() {
    return CurrentsRequests.isCurrents(javaNetUrl);
  }
}
