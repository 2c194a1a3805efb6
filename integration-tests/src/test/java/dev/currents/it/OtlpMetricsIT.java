package dev.currents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code currents.agent.metrics.exporter=otlp}: the agent's meters reach an OTLP/HTTP collector, with the tags and
 * histogram buckets they have on {@code /metrics}, and the last of them when the application exits.
 */
class OtlpMetricsIT {

  @Test
  void theRequestTimerReachesTheCollectorWithItsTagsAndBuckets() throws Exception {
    TestApi api = TestApi.start();
    try (OtlpReceiver collector = OtlpReceiver.answering()) {
      AppJvm app =
          api.app(Jdks.current())
              .property("currents.agent.metrics.exporter", "prometheus,otlp")
              .property("currents.agent.otlp.endpoint", collector.endpoint())
              .property("currents.agent.traces.exporter", "none")
              .start();
      assertTrue(app.stderr().stream().anyMatch(line -> line.contains(
          "metrics prometheus http://0.0.0.0:" + app.metricsPort() + "/metrics, otlp " + collector.endpoint() + "/v1/metrics;")),
          () -> String.join("\n", app.stderr()));
      for (int i = 0; i < 2; i++) {
        app.call("java-http-client", "GET", api.api.httpBaseUrl() + "/v1/projects", "header=Authorization:Bearer%20" + TestApi.RW_KEY);
      }
      app.close(); // the agent sends its meters once more on the way out

      Metric requests = collector.metrics().stream()
          .filter(metric -> metric.getName().equals("currents.api.requests")).reduce((first, last) -> last).orElseThrow(
              () -> new AssertionError("no currents.api.requests in " + collector.metrics()));
      assertEquals("s", requests.getUnit());
      HistogramDataPoint point = requests.getHistogram().getDataPoints(0);
      assertEquals(2, point.getCount());
      assertEquals(List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0), point.getExplicitBoundsList());
      Map<String, Object> tags = OtlpReceiver.attributes(point.getAttributesList());
      assertEquals("/v1/projects", tags.get("endpoint"));
      assertEquals("ok", tags.get("error.category"));
      assertEquals("java-http-client", tags.get("client"));
      assertEquals("200", tags.get("status"));
    } finally {
      api.api.close();
    }
  }
}
