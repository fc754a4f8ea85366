package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/requests/preview for any developer: validated like a submission, every action
 * rendered with sensitive values masked, nothing stored; and the portal's public configuration.
 */
class RequestPreviewIT {
  private final Api api = TestStack.api();

  private Api.Answer preview(String body, String token) {
    HttpRequest.Builder request =
        api.request("/api/v1/requests/preview")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return api.send(request);
  }

  @Test
  void aDeveloperSeesEveryActionRenderedAndNothingIsStored() {
    String email = "preview-" + UUID.randomUUID() + "@example.com";
    String developer = api.token(email, List.of(), List.of());
    Api.Answer answer =
        preview(
            """
            {"catalog_item_id": "postgres-database",
             "form_data": {"name": "orders", "adminPassword": "never-shown-secret",
                           "network": {"vpc": "vpc-0a1b2c3d"}}}
            """,
            developer);
    assertEquals(200, answer.status(), answer.raw());
    assertFalse(answer.raw().contains("never-shown-secret"), answer.raw());
    JsonObject ticket =
        answer.json().getJsonObject("data").getJsonArray("actions").getJsonObject(0);
    assertEquals("jira", ticket.getString("type"));
    JsonObject rendered = ticket.getJsonObject("rendered");
    assertEquals("Create PostgreSQL orders (small)", rendered.getString("summary"));
    assertTrue(rendered.getString("description").contains("Requested by " + email));
    assertTrue(rendered.getString("description").contains("storage: 50 GiB"), "defaults applied");

    Api.Answer requests = api.get("/api/v1/requests", developer);
    assertEquals(0, requests.json().getJsonArray("data").size(), "a preview stores no request");
  }

  @Test
  void aBundleIsRenderedComponentByComponentInRunOrder() {
    String developer = api.token("ada@example.com", List.of("team-data"), List.of());
    Api.Answer answer =
        preview(
            """
            {"catalog_item_id": "service-starter",
             "form_data": {"name": "orders-api", "ownerEmail": "ada@example.com",
                           "network": {"vpc": "vpc-0a1b2c3d"}}}
            """,
            developer);
    assertEquals(200, answer.status(), answer.raw());
    JsonArray actions = answer.json().getJsonObject("data").getJsonArray("actions");
    List<String> components =
        actions.getValuesAs(JsonObject.class).stream()
            .map(action -> action.getString("component"))
            .distinct()
            .toList();
    assertEquals(List.of("database", "repo", "pipeline"), components);
  }

  @Test
  void invalidFormDataIsRefusedWithEveryProblemAsOnSubmit() {
    String developer = api.token("ada@example.com", List.of("team-data"), List.of());
    Api.Answer answer =
        preview(
            "{\"catalog_item_id\": \"postgres-database\", \"form_data\": {\"name\": \"X\"}}",
            developer);
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    List<String> fields =
        answer
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getValuesAs(JsonObject.class)
            .stream()
            .map(detail -> detail.getString("field"))
            .toList();
    assertEquals(List.of("name", "network.vpc"), fields);

    Api.Answer unknown =
        preview("{\"catalog_item_id\": \"no-such-item\", \"form_data\": {}}", developer);
    assertEquals(400, unknown.status(), unknown.raw());
  }

  @Test
  void aPreviewNeedsAToken() {
    Api.Answer answer = preview("{\"catalog_item_id\": \"kafka-topic\", \"form_data\": {}}", null);
    assertEquals(401, answer.status(), answer.raw());
  }

  @Test
  void thePortalReadsHowToSignInWithoutAToken() {
    Api.Answer answer = api.get("/api/v1/portal/config");
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    assertTrue(data.getBoolean("dev_mode"));
    assertFalse(data.containsKey("oidc"), "no identity provider is configured: " + data);
  }
}
