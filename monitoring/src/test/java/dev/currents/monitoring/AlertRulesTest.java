package dev.currents.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
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
      String anchor = name.toLowerCase(Locale.ROOT);
      assertEquals(runbookTemplate(anchor), alert.path("annotations").path("runbook_url").asText(), name + ": runbook_url");
      assertTrue(readme.contains("\n### " + name + "\n"), name + ": no runbook section '### " + name + "' in README.md");
    }
  }

  /**
   * With the external label set as the README says, each runbook_url is an absolute URL of README.md's section;
   * without it, there is no link rather than a relative one. (The live test has Prometheus render them.)
   */
  @Test
  void runbookUrlsAreAbsoluteWithTheExternalLabelAndAbsentWithout() {
    for (JsonNode alert : rules.alerts()) {
      String name = alert.get("alert").asText();
      String template = alert.path("annotations").path("runbook_url").asText();
      URI url = URI.create(renderRunbook(template, RUNBOOK_BASE));
      assertTrue(url.isAbsolute() && Set.of("https", "http").contains(url.getScheme()), name + ": " + url);
      assertFalse(url.getHost() == null || url.getHost().isBlank(), name + ": " + url);
      assertEquals("/org/currents-agent/blob/main/monitoring/README.md", url.getPath(), name);
      assertEquals(name.toLowerCase(Locale.ROOT), url.getFragment(), name);
      assertEquals("", renderRunbook(template, ""), name + ": a link without the external label");
    }
  }

  static final String RUNBOOK_BASE = "https://git.example.com/org/currents-agent/blob/main/monitoring/README.md";

  /** The annotation every alert has: the README's section, behind the external label {@code currents_agent_runbooks}. */
  static String runbookTemplate(String anchor) {
    return "{{ with $externalLabels.currents_agent_runbooks }}{{ . }}#" + anchor + "{{ end }}";
  }

  /** What Prometheus' template makes of {@link #runbookTemplate} with the label's value, {@code ""} when unset. */
  private static String renderRunbook(String template, String base) {
    Matcher matcher = Pattern.compile("\\{\\{ with \\$externalLabels\\.currents_agent_runbooks }}\\{\\{ \\. }}(#[a-z]+)\\{\\{ end }}")
        .matcher(template);
    assertTrue(matcher.matches(), "not the runbook template: " + template);
    return base.isEmpty() ? "" : base + matcher.group(1);
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

  /**
   * No rule names a scrape job, so the file loads unchanged whatever the job is called; the target alerts key on
   * the agent's own metric instead.
   */
  @Test
  void noRuleNamesAScrapeJob() {
    for (JsonNode rule : rules.all()) {
      String expr = rule.get("expr").asText();
      assertFalse(expr.matches("(?s).*\\bjob\\s*(=|!=|=~|!~)\\s*\".*"), "names a job: " + expr);
    }
  }

  /** Alerts on traffic use the per-service recording rules; the target alerts use the agents' own metric. */
  @Test
  void alertsArePerServiceOrOnTheAgentsOwnMetric() {
    for (JsonNode alert : rules.alerts()) {
      String expr = alert.get("expr").asText();
      assertTrue(expr.contains("service_name") || expr.contains("currents_agent_errors_total"),
          alert.get("alert").asText() + " neither per service nor on the agents' metric: " + expr);
    }
  }
}
