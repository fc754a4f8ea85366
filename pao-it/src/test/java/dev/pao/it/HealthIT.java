package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Health, readiness, version, metrics and the OpenAPI document. */
class HealthIT {
  private final Api api = TestStack.api();

  @Test
  void readinessChecksTheDatabaseAndShowsTheQueueAsADependency() {
    Api.Answer answer = api.get("/api/v1/health/ready");
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    assertEquals(Set.of("database", "catalog"), up(data, "checks"));
    assertEquals(Set.of("queue"), up(data, "dependencies"));
  }

  private static Set<String> up(JsonObject data, String list) {
    return data.getJsonArray(list).stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> "UP".equals(check.getString("status")))
        .map(check -> check.getString("name"))
        .collect(Collectors.toSet());
  }

  @Test
  void versionNamesTheBuild() {
    JsonObject data = api.get("/api/v1/version").json().getJsonObject("data");
    for (String key : new String[] {"version", "commit", "build_time"}) {
      assertFalse(data.getString(key).isBlank(), key);
    }
    assertTrue(data.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), data.toString());
  }

  @Test
  void microProfileHealthAndMetricsAnswer() {
    assertEquals(200, api.get("/health/ready").status());
    assertEquals(200, api.get("/health/live").status());
    Api.Answer metrics = api.get("/metrics");
    assertEquals(200, metrics.status());
    assertTrue(metrics.raw().contains("jvm_uptime"), "JVM metrics are exported");
  }

  @Test
  void theOpenApiDocumentDescribesTheApiAndHasAUi() {
    Api.Answer document =
        api.send(api.request("/openapi").header("Accept", "application/json").GET());
    assertEquals(200, document.status());
    JsonObject paths = document.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/v1/health/ready"), paths.keySet().toString());
    assertTrue(paths.containsKey("/api/v1/me"), paths.keySet().toString());
    assertEquals(200, api.get("/openapi/ui/").status());
  }
}
