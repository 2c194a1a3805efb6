package dev.currents.benchmarks.jmh;

import dev.currents.agent.common.RouteTemplates;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code RouteTemplates.currents().match(path)}, the {@code endpoint} tag of every request to Currents: a short
 * literal route, a parameter, the deepest route, a recording-service route with a query, and a path that
 * matches nothing ({@code other}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RouteMatchBenchmark {

  @Param({
    "/v1/projects",
    "/v1/runs/0123456789abcdef0123456789abcdef",
    "/v1/projects/7kQ2x/jira/issues/CUR-101/link",
    "/instances/64f1c2ab9e/cy/results?attempt=2",
    "/v2/unknown/route/at/all"
  })
  public String path;

  private final RouteTemplates routes = RouteTemplates.currents();

  @Benchmark
  public String match() {
    return routes.match(path);
  }
}
