package dev.currents.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the files users load are, and where the build put Debian's Prometheus (fetch-prometheus.sh). */
final class MonitoringFiles {

  static final Path DIR = Paths.get(System.getProperty("monitoring.dir", ".")).toAbsolutePath();
  static final Path RULES = DIR.resolve("prometheus/currents-agent-rules.yml");
  static final Path RULE_TESTS = DIR.resolve("prometheus/tests");
  static final Path DASHBOARD = DIR.resolve("grafana/currents-agent.json");
  static final Path README = DIR.resolve("README.md");

  private MonitoringFiles() {}

  /** {@code promtool} of the package the build unpacked; fails, never skips, when it is not there. */
  static Path promtool() {
    Path home = Paths.get(System.getProperty("prometheus.home", "target/prometheus"));
    Path promtool = home.resolve("usr/bin/promtool");
    if (!Files.isExecutable(promtool)) {
      throw new IllegalStateException(promtool + " is missing: run the tests through Maven, whose"
          + " generate-test-resources phase runs monitoring/fetch-prometheus.sh");
    }
    return promtool;
  }
}
