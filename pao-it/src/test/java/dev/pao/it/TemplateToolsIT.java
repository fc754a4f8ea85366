package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/v1/tools/test-variables against the real server. */
class TemplateToolsIT {
  private final Api api = TestStack.api();
  private final String platform =
      api.token("pat@example.com", List.of("platform"), List.of("platform"));

  private Api.Answer test(String body, String token) {
    return api.send(
        api.request("/api/v1/tools/test-variables")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void rendersWithPipesAndListsReferences() {
    Api.Answer answer =
        test(
            """
            {"template": "{{ .current.name | upper }}-{{.system.requestId}}",
             "namespaces": {"current": {"name": "orders"}, "system": {"requestId": "r-1"}}}
            """,
            platform);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    assertEquals("ORDERS-r-1", data.getString("rendered"));
    assertEquals(2, data.getJsonArray("references").size());
    JsonObject first = data.getJsonArray("references").getJsonObject(0);
    assertEquals("current", first.getString("namespace"));
    assertEquals("name", first.getString("path"));
    assertEquals("ORDERS", first.getString("resolved"));
    assertTrue(data.getJsonArray("errors").isEmpty(), data.toString());
  }

  @Test
  void sensitiveValuesAreMasked() {
    Api.Answer answer =
        test(
            """
            {"template": "pw={{.current.adminPassword}}",
             "namespaces": {"current": {"adminPassword": "s3cret"}},
             "sensitive": ["adminPassword"]}
            """,
            platform);
    JsonObject data = answer.json().getJsonObject("data");
    assertEquals("pw=***", data.getString("rendered"));
    assertFalse(answer.raw().contains("s3cret"), answer.raw());
  }

  @Test
  void aMapTemplateKeepsItsShapeAndEscapesForJson() {
    Api.Answer answer =
        test(
            """
            {"template": {"name": "{{.current.name}}", "tags": ["a", "{{.current.size}}"]},
             "namespaces": {"current": {"name": "say \\"hi\\"\\nbye", "size": "small"}},
             "escaping": "json_string"}
            """,
            platform);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject rendered = answer.json().getJsonObject("data").getJsonObject("rendered");
    assertEquals("small", rendered.getJsonArray("tags").getString(1));
    assertTrue(rendered.containsKey("name"));
  }

  @Test
  void undeclaredReferencesAreReportedWithTheirPosition() {
    Api.Answer answer =
        test(
            """
            {"template": "a\\n  {{.current.undeclared}}", "namespaces": {"current": {"name": "x"}}}
            """,
            platform);
    JsonObject error = answer.json().getJsonObject("data").getJsonArray("errors").getJsonObject(0);
    assertEquals(2, error.getInt("line"));
    assertEquals(3, error.getInt("column"));
  }

  @Test
  void anUnparsableTemplateIsAValidationErrorWithThePosition() {
    Api.Answer answer = test("{\"template\": \"ok {{ .current.name\"}", platform);
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    String field =
        answer
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field");
    assertTrue(field.startsWith("template:1:"), field);
  }

  @Test
  void developersWithoutThePlatformRoleAreForbidden() {
    String developer = api.token("dev@example.com", List.of("team-data"), List.of());
    Api.Answer answer = test("{\"template\": \"x\"}", developer);
    assertEquals(403, answer.status(), answer.raw());
    assertEquals("FORBIDDEN", answer.errorCode());
  }
}
