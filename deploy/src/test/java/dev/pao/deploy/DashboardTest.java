package dev.pao.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard parses, reads from the data source variable, has unique panel ids, and its
 * queries use only exported metric names ({@code prometheus/metric-names.txt}).
 */
class DashboardTest {
  private static final Path DASHBOARD = Path.of("grafana", "pao-dashboard.json");
  private static JsonObject dashboard;

  @BeforeAll
  static void read() throws IOException {
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
      dashboard = reader.readObject();
    }
  }

  @Test
  void hasADatasourceVariableAndACurrentSchema() {
    assertTrue(dashboard.getInt("schemaVersion") >= 36, "schemaVersion");
    boolean datasource =
        dashboard.getJsonObject("templating").getJsonArray("list").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                v ->
                    v.getString("name").equals("datasource")
                        && v.getString("type").equals("datasource")
                        && v.getString("query").equals("prometheus"));
    assertTrue(datasource, "a Prometheus data source variable named datasource");
  }

  @Test
  void everyPanelQueriesTheVariableDatasourceWithUniqueIds() {
    Set<Integer> ids = new HashSet<>();
    for (JsonObject panel : panels()) {
      assertTrue(ids.add(panel.getInt("id")), "duplicate panel id " + panel.getInt("id"));
      if (panel.getString("type").equals("row")) {
        continue;
      }
      assertEquals(
          "${datasource}",
          panel.getJsonObject("datasource").getString("uid"),
          panel.getString("title"));
      assertFalse(panel.getJsonArray("targets").isEmpty(), panel.getString("title"));
    }
  }

  @Test
  void queriesUseOnlyExportedMetrics() {
    Set<String> unknown = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    for (JsonObject panel : panels()) {
      if (panel.getString("type").equals("row")) {
        continue;
      }
      for (JsonValue target : panel.getJsonArray("targets")) {
        Set<String> names = MetricNames.usedIn(target.asJsonObject().getString("expr"));
        assertFalse(names.isEmpty(), panel.getString("title") + " queries no PAO metric");
        used.addAll(names);
      }
    }
    unknown.addAll(used);
    unknown.removeAll(MetricNames.listed());
    assertEquals(Set.of(), unknown, "metrics not in " + MetricNames.LIST);
    assertTrue(used.size() >= 20, "panels cover the metrics: " + used);
  }

  private static List<JsonObject> panels() {
    List<JsonObject> panels = new ArrayList<>();
    for (JsonValue panel : dashboard.getJsonArray("panels")) {
      JsonObject object = panel.asJsonObject();
      panels.add(object);
      if (object.containsKey("panels")) {
        object.getJsonArray("panels").forEach(inner -> panels.add(inner.asJsonObject()));
      }
    }
    return panels;
  }
}
