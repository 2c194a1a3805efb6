package dev.currents.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Grafana needs to import the dashboard unchanged into any instance: a Prometheus data source chosen by
 * a variable (no data source uid of ours), panels with unique ids and a place on the grid, and targets that
 * say which data source they query.
 */
class DashboardStructureTest {

  private static final String DATASOURCE = "${datasource}";
  private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range");
  private static JsonNode dashboard;

  @BeforeAll
  static void read() throws IOException {
    dashboard = new ObjectMapper().readTree(MonitoringFiles.DASHBOARD.toFile());
  }

  @Test
  void hasTheTopLevelFieldsOfADashboardModel() {
    assertFalse(dashboard.path("uid").asText().isBlank(), "uid");
    assertFalse(dashboard.path("title").asText().isBlank(), "title");
    assertTrue(dashboard.path("schemaVersion").asInt() >= 30, "schemaVersion");
    assertFalse(dashboard.has("id") && !dashboard.get("id").isNull(), "an id would clash with the importing instance's");
    assertTrue(dashboard.path("panels").isArray() && dashboard.path("panels").size() > 0, "panels");
  }

  @Test
  void theDataSourceIsAVariableAndServiceAndInstanceAreQueriesOnIt() {
    JsonNode datasource = variable("datasource");
    assertEquals("datasource", datasource.path("type").asText());
    assertEquals("prometheus", datasource.path("query").asText());
    for (String name : List.of("service", "instance", "client")) {
      JsonNode variable = variable(name);
      assertEquals("query", variable.path("type").asText(), name);
      assertEquals(DATASOURCE, variable.path("datasource").path("uid").asText(), name);
      assertTrue(variable.path("multi").asBoolean() && variable.path("includeAll").asBoolean(), name + ": multi, All");
      assertFalse(variable.path("definition").asText().isBlank(), name + ": query");
    }
    assertTrue(variable("instance").path("definition").asText().contains("$service"), "instances of the chosen services");
    String clients = variable("client").path("definition").asText();
    assertTrue(clients.contains("$service") && clients.contains("$instance") && clients.endsWith(", client)"),
        "clients of the chosen services and instances: " + clients);
  }

  /**
   * Issue #17: the backoff meters carry the client, so the backoff row shows the chosen clients only, and has
   * panels per client (which call site to fix).
   */
  @Test
  void theBackoffRowFiltersByClientAndHasPanelsPerClient() {
    boolean backoff = false;
    int filtered = 0;
    Set<String> perClient = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        backoff = panel.path("title").asText().startsWith("Rate limits and backoff");
        if (backoff) {
          assertTrue(panel.path("title").asText().contains("$client"), "the row says which clients it shows");
        }
        continue;
      }
      if (!backoff) {
        continue;
      }
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertTrue(expr.contains("client=~\"$client\""), panel.path("title") + ": " + expr);
        if (expr.startsWith("sum by (client,")) {
          perClient.add(panel.path("title").asText());
        }
      }
      filtered++;
    }
    assertTrue(filtered > 0, "no backoff panels");
    assertEquals(
        Set.of("Backoff violations by client and reason", "Retry chains by client and policy (per interval)"),
        perClient);
  }

  @Test
  void panelsHaveUniqueIdsAndTilesOnTheGridThatDoNotOverlap() {
    Set<Integer> ids = new HashSet<>();
    List<int[]> tiles = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      assertTrue(panel.path("id").isInt(), "id of " + panel.path("title"));
      assertTrue(ids.add(panel.path("id").asInt()), "duplicate id " + panel.path("id"));
      assertFalse(panel.path("type").asText().isBlank(), "type of " + panel.path("title"));
      assertFalse(panel.path("title").asText().isBlank(), "title of panel " + panel.path("id"));
      JsonNode grid = panel.path("gridPos");
      int x = grid.path("x").asInt(-1);
      int y = grid.path("y").asInt(-1);
      int w = grid.path("w").asInt();
      int h = grid.path("h").asInt();
      assertTrue(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 24, "gridPos of " + panel.path("title"));
      for (int[] other : tiles) {
        boolean overlap = x < other[0] + other[2] && other[0] < x + w && y < other[1] + other[3] && other[1] < y + h;
        assertFalse(overlap, panel.path("title") + " overlaps another panel");
      }
      tiles.add(new int[] {x, y, w, h});
    }
  }

  @Test
  void everyPanelQueriesTheChosenDataSourceWithTargetsThatHaveAnExpression() {
    for (JsonNode panel : panels()) {
      String title = panel.path("title").asText();
      assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title);
      assertEquals("prometheus", panel.path("datasource").path("type").asText(), title);
      assertTrue(panel.path("targets").size() > 0, title + ": no targets");
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : panel.path("targets")) {
        assertTrue(refIds.add(target.path("refId").asText()), title + ": duplicate refId");
        assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), title);
        assertFalse(target.path("expr").asText().isBlank(), title + ": empty expr");
      }
    }
  }

  /** A misspelt variable would reach Prometheus as a literal {@code $name} and match nothing. */
  @Test
  void everyVariableInAQueryIsDefined() {
    Set<String> defined = new HashSet<>(GRAFANA_VARIABLES);
    dashboard.path("templating").path("list").forEach(variable -> defined.add(variable.path("name").asText()));
    Pattern reference = Pattern.compile("\\$\\{?(\\w+)");
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        Matcher matcher = reference.matcher(target.path("expr").asText());
        while (matcher.find()) {
          assertTrue(defined.contains(matcher.group(1)), panel.path("title") + ": undefined $" + matcher.group(1));
        }
      }
    }
  }

  /** Below the fleet row, every panel shows only the chosen services and instances. */
  @Test
  void panelsBelowTheFleetRowFilterByServiceAndInstance() {
    boolean fleet = true;
    int filtered = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      if (panel.path("type").asText().equals("row")) {
        fleet = panel.path("title").asText().startsWith("Fleet");
        continue;
      }
      if (fleet) {
        continue;
      }
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        assertTrue(expr.contains("service_name=~\"$service\", instance=~\"$instance\""), panel.path("title") + ": " + expr);
      }
      filtered++;
    }
    assertTrue(filtered > 0, "no per-service panels");
  }

  /**
   * Every latency view is of answered requests, as the latency alert's rule: a request that timed out, failed
   * on the network or was cancelled took the client's time, not Currents'.
   */
  @Test
  void everyLatencyQueryLeavesOutUnansweredRequests() {
    int latency = 0;
    for (JsonNode panel : panels()) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        if (expr.contains("currents_api_requests_seconds_bucket")) {
          Matcher selector = Pattern.compile("currents_api_requests_seconds_bucket\\{([^}]*)}").matcher(expr);
          while (selector.find()) {
            assertTrue(selector.group(1).contains(UNANSWERED), panel.path("title") + ": " + expr);
          }
          latency++;
        }
      }
    }
    assertTrue(latency >= 4, "latency queries: " + latency);
  }

  private static final String UNANSWERED = "error_category!~\"timeout|network_error|cancelled\"";

  private static JsonNode variable(String name) {
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static List<JsonNode> panels() {
    List<JsonNode> panels = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> {
      if (!panel.path("type").asText().equals("row")) {
        panels.add(panel);
      }
    });
    return panels;
  }
}
