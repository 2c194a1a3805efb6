package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A collector that refuses every export, one that accepts connections and never answers, and one that is not
 * there, for spans and for OTLP metrics (whose last export is at exit): the application's requests take no longer
 * than with the agent's exporters off, the application exits promptly, the agent says once that it cannot export
 * its spans, and it keeps a bounded number of them, dropping and counting the rest.
 */
class CollectorOutageIT {

  /** Calls timed, with the exporters off and then with the collector out. */
  private static final int TIMED_CALLS = 300;
  /** More spans than the queue holds, plus a batch being exported: lines of 50 calls made at once. */
  private static final int BURST_LINES = 60;
  private static final int BURST = BURST_LINES * 50;
  private static final int QUEUE_CAPACITY = 2048;
  private static final int EXPORT_BATCH = 512;

  private static TestApi api;
  private static Duration withoutExport;

  @BeforeAll
  static void timeCallsWithTheExportersOff() throws Exception {
    api = TestApi.start();
    try (AppJvm app = api.app(Jdks.current()).property("currents.agent.traces.exporter", "none").start()) {
      withoutExport = timeCalls(app);
    }
  }

  @AfterAll
  static void stopApi() {
    api.api.close();
  }

  @ParameterizedTest(name = "collector {0}")
  @ValueSource(strings = {"refusing", "hanging", "absent"})
  void requestsTakeNoLongerAndTheApplicationExitsPromptly(String behaviour) throws Exception {
    OtlpReceiver collector = behaviour.equals("refusing") ? OtlpReceiver.refusing()
        : behaviour.equals("hanging") ? OtlpReceiver.hanging() : null;
    String endpoint = collector != null ? collector.endpoint() : OtlpReceiver.absentEndpoint();
    try {
      AppJvm app =
          api.app(Jdks.current())
              .property("currents.agent.otlp.endpoint", endpoint)
              .property("currents.agent.metrics.exporter", "prometheus,otlp")
              .start();
      call(app, 1);
      Thread.sleep(1200); // the first export is under way, and failing or hanging

      Duration withOutage = timeCalls(app);
      // Generous: the comparison is there to catch waiting for the collector, which takes seconds.
      assertTrue(withOutage.compareTo(withoutExport.multipliedBy(3).plusSeconds(1)) < 0,
          () -> withOutage + " against " + withoutExport + " with the exporters off");
      if (behaviour.equals("hanging")) {
        // Each export waits out its whole timeout: the case in which spans pile up fastest.
        assertTheQueueStaysBoundedUnderABurst(app);
      }
      if (!behaviour.equals("hanging")) {
        // Once the exporter has given up on its first batch, after its own retries.
        assertSaidOnce(app, "cannot export spans (otlp)");
      }
      PrometheusScrape scrape = app.scrape();
      assertEquals(0, scrape.sum("currents_agent_spans_total", "exporter", "otlp", "result", "exported"));
      assertEquals(0, scrape.sum("currents_agent_errors_total"));

      long closing = System.nanoTime();
      app.close();
      Duration exit = Duration.ofNanos(System.nanoTime() - closing);
      assertTrue(exit.compareTo(Duration.ofSeconds(5)) < 0, "the application exits without waiting for the collector: " + exit);
      assertTrue(app.stderr().stream().noneMatch(line -> line.contains("\tat ")), () -> String.join("\n", app.stderr()));
      if (behaviour.equals("hanging")) {
        assertTrue(collector.heldConnections() > 0, "the exports reached the collector and were held");
      }
    } finally {
      if (collector != null) {
        collector.close();
      }
    }
  }

  /** One line of the agent's log says it, within 30 seconds. */
  private static void assertSaidOnce(AppJvm app, String warning) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (app.stderr().stream().noneMatch(line -> line.contains(warning)) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(1, app.stderr().stream().filter(line -> line.contains(warning)).count(),
        () -> String.join("\n", app.stderr()));
  }

  private static void assertTheQueueStaysBoundedUnderABurst(AppJvm app) throws Exception {
    call(app, BURST_LINES, "concurrent=50");
    PrometheusScrape scrape = app.scrape();
    double queued = scrape.sum("currents_agent_spans_queued", "exporter", "otlp");
    double dropped = scrape.sum("currents_agent_spans_total", "exporter", "otlp", "result", "dropped");
    double failed = scrape.sum("currents_agent_spans_total", "exporter", "otlp", "result", "failed");
    Supplier<String> counts = () -> "queued " + queued + ", dropped " + dropped + ", failed " + failed;
    assertTrue(queued <= QUEUE_CAPACITY, counts);
    assertTrue(dropped > 0, counts);
    // Every span is queued, dropped, failed, or in the export under way or the one waiting for the sender.
    int spans = 1 + TIMED_CALLS + BURST;
    double counted = queued + dropped + failed;
    assertTrue(counted >= spans - 2 * EXPORT_BATCH && counted <= spans, counts);
  }

  private static Duration timeCalls(AppJvm app) throws InterruptedException {
    long start = System.nanoTime();
    call(app, TIMED_CALLS);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** {@code lines} calls, sent without waiting for each answer; all must succeed. */
  private static void call(AppJvm app, int lines, String... options) throws InterruptedException {
    String[] all =
        Stream.concat(Stream.of("header=Authorization:Bearer%20" + TestApi.RW_KEY), Stream.of(options)).toArray(String[]::new);
    List<String> answers = app.calls(lines, "java-http-client", "GET", api.api.httpBaseUrl() + "/v1/projects?limit=1", all);
    assertTrue(answers.stream().allMatch("STATUS 200"::equals), () -> answers.stream().distinct().toList().toString());
  }
}
