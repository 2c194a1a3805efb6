package dev.currents.benchmarks.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The application under test of the end-to-end comparison: sequential GETs with the JDK HttpClient to two
 * identical servers, A (which the driver configures as a Currents host) and B (which it does not), alternating
 * request by request (AB, then BA, ...), so that within one JVM the difference between A and B is what recording a
 * request costs, measured at the same moment under the same conditions. Requests come in blocks the driver asks for
 * on standard input, so that it can interleave short blocks of every JVM. It uses nothing but the JDK, so that the
 * agents are the only difference between the JVMs.
 *
 * <pre>
 * java [agent flags] -cp benchmarks-app.jar dev.currents.benchmarks.app.LoadApp URL_A URL_B [METRICS_URL]
 * </pre>
 *
 * Commands, one a line, each answered by one line:
 *
 * <ul>
 *   <li>{@code WARM n}: n pairs of requests, not timed; {@code OK errors=..}
 *   <li>{@code RUN n}: n timed pairs; {@code BLOCK n=.. a_sum_ns=.. b_sum_ns=.. a_median_ns=.. b_median_ns=..
 *       errors=..}
 *   <li>{@code END}: {@code RESULT pairs=.. errors=.. elapsed_ns=.. cpu_ns=.. a_mean_ns=.. a_p50_ns=.. a_p99_ns=..
 *       b_mean_ns=.. b_p50_ns=.. b_p99_ns=..} over all timed requests, then, given the URL of the currents-agent's
 *       Prometheus endpoint, {@code RECORDED n} (the sum of {@code currents_api_requests_seconds_count}); then it
 *       exits.
 * </ul>
 *
 * {@code cpu_ns} is the CPU time of the whole process (every thread: the caller, the client's selector thread, JIT,
 * GC) during the timed blocks.
 */
public final class LoadApp {

  private LoadApp() {}

  public static void main(String[] args) throws Exception {
    URI uriA = URI.create(args[0]);
    URI uriB = URI.create(args[1]);
    String metricsUrl = args.length > 2 ? args[2] : null;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest requestA =
        HttpRequest.newBuilder(uriA).header("Authorization", "Bearer bench-key").GET().build();
    HttpRequest requestB =
        HttpRequest.newBuilder(uriB).header("Authorization", "Bearer bench-key").GET().build();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long[] latenciesA = new long[1 << 15];
    long[] latenciesB = new long[1 << 15];
    int timed = 0;
    int errors = 0;
    long elapsed = 0;
    long cpu = 0;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] command = line.trim().split(" ");
      switch (command[0]) {
        case "WARM": {
          int n = Integer.parseInt(command[1]);
          int failed = 0;
          for (int i = 0; i < n; i++) {
            failed += status(client, requestA) == 200 ? 0 : 1;
            failed += status(client, requestB) == 200 ? 0 : 1;
          }
          reply("OK errors=" + failed);
          break;
        }
        case "RUN": {
          int n = Integer.parseInt(command[1]);
          if (timed + n > latenciesA.length) {
            latenciesA = Arrays.copyOf(latenciesA, Math.max(latenciesA.length * 2, timed + n));
            latenciesB = Arrays.copyOf(latenciesB, latenciesA.length);
          }
          int failed = 0;
          long sumA = 0;
          long sumB = 0;
          long cpuBegin = os.getProcessCpuTime();
          long begin = System.nanoTime();
          for (int i = 0; i < n; i++) {
            boolean aFirst = (i & 1) == 0;
            for (int k = 0; k < 2; k++) {
              boolean a = aFirst == (k == 0);
              long start = System.nanoTime();
              int status = status(client, a ? requestA : requestB);
              long latency = System.nanoTime() - start;
              failed += status == 200 ? 0 : 1;
              if (a) {
                latenciesA[timed] = latency;
                sumA += latency;
              } else {
                latenciesB[timed] = latency;
                sumB += latency;
              }
            }
            timed++;
          }
          elapsed += System.nanoTime() - begin;
          cpu += os.getProcessCpuTime() - cpuBegin;
          errors += failed;
          reply("BLOCK n=" + n + " a_sum_ns=" + sumA + " b_sum_ns=" + sumB
              + " a_median_ns=" + blockMedian(latenciesA, timed - n, timed)
              + " b_median_ns=" + blockMedian(latenciesB, timed - n, timed) + " errors=" + failed);
          break;
        }
        case "END":
          end(client, Arrays.copyOf(latenciesA, timed), Arrays.copyOf(latenciesB, timed), errors, elapsed, cpu,
              metricsUrl);
          return;
        default:
          reply("ERROR unknown command " + line);
      }
    }
  }

  /** The median of one block: robust to the few requests a busy machine delays by milliseconds. */
  private static long blockMedian(long[] latencies, int from, int to) {
    long[] block = Arrays.copyOfRange(latencies, from, to);
    Arrays.sort(block);
    return percentile(block, 50);
  }

  private static int status(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
  }

  private static void end(
      HttpClient client, long[] a, long[] b, int errors, long elapsed, long cpu, String metricsUrl)
      throws Exception {
    reply(
        "RESULT pairs="
            + a.length
            + " errors="
            + errors
            + " elapsed_ns="
            + elapsed
            + " cpu_ns="
            + cpu
            + summary("a", a)
            + summary("b", b));
    if (metricsUrl != null) {
      String metrics =
          client
              .send(HttpRequest.newBuilder(URI.create(metricsUrl)).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      reply("RECORDED " + recorded(metrics));
    }
  }

  private static String summary(String name, long[] latencies) {
    Arrays.sort(latencies);
    long sum = 0;
    for (long latency : latencies) {
      sum += latency;
    }
    return " "
        + name
        + "_mean_ns="
        + sum / Math.max(1, latencies.length)
        + " "
        + name
        + "_p50_ns="
        + percentile(latencies, 50)
        + " "
        + name
        + "_p99_ns="
        + percentile(latencies, 99);
  }
  private static void reply(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static long recorded(String prometheusText) {
    double total = 0;
    for (String line : prometheusText.split("\n")) {
      if (line.startsWith("currents_api_requests_seconds_count")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return (long) total;
  }
}
