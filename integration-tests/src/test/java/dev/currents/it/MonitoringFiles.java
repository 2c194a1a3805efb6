package dev.currents.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files users load, from {@code ../monitoring}, as the live test uses them: the rules file with only its
 * {@code for:} durations shortened (a test cannot wait 15 minutes; every expression stays as users load it),
 * and the dashboard's panel queries with Grafana's variables filled in as Grafana would.
 */
final class MonitoringFiles {

  static final Path DIR = Paths.get(System.getProperty("it.monitoring.dir", "../monitoring"));
  static final Path RULES = DIR.resolve("prometheus/currents-agent-rules.yml");
  static final Path DASHBOARD = DIR.resolve("grafana/currents-agent.json");
  static final Path PROMETHEUS = DIR.resolve("target/prometheus/usr/bin/prometheus");
  private static final Pattern FOR = Pattern.compile("(?m)^(\\s+for: )(\\S+)$");

  /** A panel's query, with the panel's title to say which failed. */
  record PanelQuery(String panel, String expr) {}

  private MonitoringFiles() {}

  /** The rules file with every non-zero {@code for:} set to {@code shortFor}, and nothing else changed. */
  static String rulesWithFor(String shortFor) throws IOException {
    String rules = Files.readString(RULES);
    Matcher matcher = FOR.matcher(rules);
    StringBuilder shortened = new StringBuilder();
    while (matcher.find()) {
      String duration = matcher.group(2).matches("0[a-z]*") ? matcher.group(2) : shortFor;
      matcher.appendReplacement(shortened, Matcher.quoteReplacement(matcher.group(1) + duration));
    }
    matcher.appendTail(shortened);
    String result = shortened.toString();
    String[] before = rules.split("\n", -1);
    String[] after = result.split("\n", -1);
    for (int i = 0; i < before.length; i++) {
      if (!before[i].equals(after[i]) && !FOR.matcher(before[i]).matches()) {
        throw new IllegalStateException("shortening for: changed another line: " + before[i]);
      }
    }
    return result;
  }

  /**
   * Every target of every panel, with {@code $service}, {@code $instance} and {@code $client} at "All" (the dashboard's
   * {@code allValue}) and Grafana's interval variables at the values it picks for a short time range.
   */
  static List<PanelQuery> dashboardQueries() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<PanelQuery> queries = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText()
            .replace("$service", allValue(dashboard, "service"))
            .replace("$instance", allValue(dashboard, "instance"))
            .replace("$client", allValue(dashboard, "client"))
            .replace("$__rate_interval", "1m")
            .replace("$__interval", "15s")
            .replace("$__range", "5m");
        queries.add(new PanelQuery(panel.path("title").asText() + " [" + target.path("refId").asText() + "]", expr));
      }
    }
    return queries;
  }

  /** A dashboard variable's {@code label_values(selector, label)} query. */
  record LabelValuesQuery(String selector, String label) {}

  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

  /**
   * The dashboard variable's {@code label_values(...)} query, with {@code $service} as the user chose it and
   * {@code $instance} at "All".
   */
  static LabelValuesQuery variableQuery(String variable, String service) throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    for (JsonNode candidate : dashboard.path("templating").path("list")) {
      if (candidate.path("name").asText().equals(variable)) {
        Matcher matcher = LABEL_VALUES.matcher(candidate.path("query").path("query").asText());
        if (!matcher.matches()) {
          throw new IllegalStateException(variable + ": not a label_values query: " + candidate.path("query"));
        }
        return new LabelValuesQuery(
            matcher.group(1).replace("$service", service).replace("$instance", allValue(dashboard, "instance")),
            matcher.group(2));
      }
    }
    throw new IllegalStateException("the dashboard has no variable " + variable);
  }

  private static String allValue(JsonNode dashboard, String variable) {
    for (JsonNode candidate : dashboard.path("templating").path("list")) {
      if (candidate.path("name").asText().equals(variable)) {
        return candidate.path("allValue").asText();
      }
    }
    throw new IllegalStateException("the dashboard has no variable " + variable);
  }
}
