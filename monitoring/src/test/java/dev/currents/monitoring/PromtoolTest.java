package dev.currents.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules file passes Debian's promtool: it loads, and its unit tests pass and cover every alert both ways. */
class PromtoolTest {

  @Test
  void theRulesFileLoads() throws Exception {
    Commands.Result result =
        Commands.run(MonitoringFiles.DIR, List.of(MonitoringFiles.promtool().toString(), "check", "rules", MonitoringFiles.RULES.toString()));
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("SUCCESS"), result.output());
  }

  /** The package version fetch-prometheus.sh recorded is the promtool that runs (README: "How it is tested"). */
  @Test
  void theRecordedVersionIsThePromtoolThatRuns() throws Exception {
    String recorded = Files.readString(MonitoringFiles.promtool().getParent().getParent().getParent().resolve("VERSION")).trim();
    Commands.Result result = Commands.run(MonitoringFiles.DIR, List.of(MonitoringFiles.promtool().toString(), "--version"));
    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("revision: " + recorded + ")"), recorded + " vs " + result.output());
    System.out.println("PromtoolTest: Debian's prometheus " + recorded);
  }

  @Test
  void theUnitTestsPass() throws Exception {
    List<String> command = new ArrayList<>(List.of(MonitoringFiles.promtool().toString(), "test", "rules"));
    testFiles().forEach(file -> command.add(file.getFileName().toString()));
    Commands.Result result = Commands.run(MonitoringFiles.RULE_TESTS, command);
    assertEquals(0, result.exitCode(), result.output());
    assertFalse(result.output().contains("FAILED"), result.output());
  }

  /** For each alert, a case where it must fire and one where it must stay silent. */
  @Test
  void everyAlertIsTestedFiringAndSilent() throws IOException {
    Set<String> fires = new HashSet<>();
    Set<String> silent = new HashSet<>();
    for (Path file : testFiles()) {
      for (JsonNode group : RulesFile.readYaml(file).path("tests")) {
        for (JsonNode check : group.path("alert_rule_test")) {
          (check.path("exp_alerts").isEmpty() ? silent : fires).add(check.path("alertname").asText());
        }
      }
    }
    for (String alert : RulesFile.read(MonitoringFiles.RULES).alertNames()) {
      assertTrue(fires.contains(alert), alert + " has no test in which it fires");
      assertTrue(silent.contains(alert), alert + " has no test in which it stays silent");
    }
  }

  /**
   * Every alert the unit tests expect carries service_name, for routing to the owning team, but the one on the
   * whole fleet having no agent metrics at all, which has no service to name.
   */
  @Test
  void everyExpectedAlertNamesItsServiceButTheFleetWideOne() throws IOException {
    int checked = 0;
    for (Path file : testFiles()) {
      for (JsonNode group : RulesFile.readYaml(file).path("tests")) {
        for (JsonNode check : group.path("alert_rule_test")) {
          String name = check.path("alertname").asText();
          for (JsonNode expected : check.path("exp_alerts")) {
            boolean named = !expected.path("exp_labels").path("service_name").asText().isBlank();
            assertEquals(!FLEET_WIDE.equals(name), named, file.getFileName() + ": " + name + " " + expected);
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 0);
  }

  private static final String FLEET_WIDE = "CurrentsAgentTargetsAbsent";

  private static List<Path> testFiles() throws IOException {
    try (Stream<Path> files = Files.list(MonitoringFiles.RULE_TESTS)) {
      List<Path> yaml = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
      assertFalse(yaml.isEmpty(), "no unit tests in " + MonitoringFiles.RULE_TESTS);
      return yaml;
    }
  }
}
