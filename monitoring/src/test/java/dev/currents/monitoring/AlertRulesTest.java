package dev.currents.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each alert must carry for Alertmanager and the person paged, and the fleet-safe shape of every rule. */
class AlertRulesTest {

  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
  private final RulesFile rules = RulesFile.read(MonitoringFiles.RULES);

  @Test
  void everyAlertHasSeveritySummaryDescriptionAndARunbookSection() throws IOException {
    String readme = Files.readString(MonitoringFiles.README);
    assertFalse(rules.alerts().isEmpty());
    for (JsonNode alert : rules.alerts()) {
      String name = alert.get("alert").asText();
      assertTrue(SEVERITIES.contains(alert.path("labels").path("severity").asText()), name + ": severity");
      assertFalse(alert.path("annotations").path("summary").asText().isBlank(), name + ": summary");
      assertFalse(alert.path("annotations").path("description").asText().isBlank(), name + ": description");
      // GitHub's anchor of the heading "### CurrentsApiKeyRejected" is its lower-cased text.
      assertEquals("monitoring/README.md#" + name.toLowerCase(Locale.ROOT),
          alert.path("annotations").path("runbook_url").asText(), name + ": runbook_url");
      assertTrue(readme.contains("\n### " + name + "\n"), name + ": no runbook section '### " + name + "' in README.md");
    }
  }

  /** Every sum keeps service_name, so that instances add up and alerts come once per service. */
  @Test
  void everySumIsPerService() {
    Pattern sum = Pattern.compile("\\bsum\\b\\s*(by\\s*\\(([^)]*)\\))?");
    for (JsonNode rule : rules.all()) {
      Matcher matcher = sum.matcher(rule.get("expr").asText());
      while (matcher.find()) {
        assertTrue(matcher.group(2) != null && matcher.group(2).contains("service_name"),
            "'" + matcher.group() + "' drops service_name in: " + rule.get("expr").asText());
      }
    }
  }

  /** Alerts on traffic use the per-service recording rules; only the target checks see instances. */
  @Test
  void alertsOnTrafficArePerServiceAndTargetAlertsNameTheJob() {
    for (JsonNode alert : rules.alerts()) {
      String expr = alert.get("expr").asText();
      assertTrue(expr.contains("service_name") || expr.contains("job=\"currents-agent\""),
          alert.get("alert").asText() + " neither per service nor on the job's targets: " + expr);
    }
  }
}
