package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog API and the document tools on the embedded default catalog (catalog-samples). */
class CatalogIT {
  private final Api api = TestStack.api();
  private final String developer = api.token("dev@example.com", List.of("team-data"), List.of());
  private final String platform =
      api.token("pat@example.com", List.of("platform"), List.of("platform"));

  @BeforeEach
  void catalogLoaded() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/api/v1/catalog/postgres-database", developer).status() == 200);
  }

  private JsonArray list(String query) {
    Api.Answer answer = api.get("/api/v1/catalog" + query, developer);
    assertEquals(200, answer.status(), answer.raw());
    return answer.json().getJsonArray("data");
  }

  @Test
  void listsFilterByCategoryTagOwnerAndText() {
    assertEquals(2, list("?category=databases").size());
    assertEquals("redis-cache", list("?tag=redis").getJsonObject(0).getString("id"));
    assertEquals(2, list("?owner=team-security").size());
    assertEquals(
        "postgres-database", list("?q=postgresql%20backups").getJsonObject(0).getString("id"));
  }

  @Test
  void bundlesAreListedWithTheirComponents() {
    JsonArray bundles = list("?kind=bundle");
    assertEquals(2, bundles.size());
    JsonObject starter = bundles.getJsonObject(1);
    assertEquals("bundle", starter.getString("kind"));
    assertEquals(3, starter.getJsonArray("components").size());
  }

  @Test
  void pagesFollowTheCursorWithoutRepeats() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Answer answer =
          api.get(
              "/api/v1/catalog?limit=4" + (cursor == null ? "" : "&cursor=" + cursor), developer);
      for (JsonValue entry : answer.json().getJsonArray("data")) {
        assertTrue(seen.add(entry.asJsonObject().getString("id")), "repeated: " + entry);
      }
      JsonObject meta = answer.json().getJsonObject("meta");
      cursor =
          meta.containsKey("next_cursor") && !meta.isNull("next_cursor")
              ? meta.getString("next_cursor")
              : null;
      pages++;
    } while (cursor != null && pages < 10);
    assertEquals(11, seen.size());
    assertEquals(3, pages);
  }

  @Test
  void sparseFieldsetsReturnOnlyTheAskedFields() {
    JsonObject entry = list("?fields=name,owner&limit=1").getJsonObject(0);
    assertEquals(Set.of("id", "name", "owner"), entry.keySet());
  }

  @Test
  void badQueryParametersAreValidationErrors() {
    Api.Answer answer = api.get("/api/v1/catalog?limit=500", developer);
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    assertEquals(
        "limit",
        answer
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field"));
    assertEquals(400, api.get("/api/v1/catalog?fields=nope", developer).status());
  }

  @Test
  void anItemShowsOwnerActionsVersionAndCommit() {
    JsonObject item =
        api.get("/api/v1/catalog/postgres-database", developer).json().getJsonObject("data");
    assertEquals("team-data", item.getString("owner"));
    assertEquals("1.4.0", item.getString("version"));
    assertTrue(item.getString("commit").matches("[0-9a-f]{40}"), item.toString());
    JsonObject ticket = item.getJsonArray("actions").getJsonObject(0);
    assertEquals("jira", ticket.getString("type"));
    assertEquals("gold", item.getJsonObject("custom").getString("sla"));
  }

  @Test
  void theFormKeepsTheDocumentsOrderAndKeysAndHasAJsonSchema() {
    JsonObject form =
        api.get("/api/v1/catalog/postgres-database/form", developer).json().getJsonObject("data");
    JsonArray fields = form.getJsonArray("fields");
    assertEquals("name", fields.getJsonObject(0).getString("id"));
    assertEquals(3, fields.getJsonObject(0).getInt("minLength"));
    JsonObject size = fields.getJsonObject(1);
    assertEquals("small", size.getJsonArray("options").getJsonObject(0).getString("value"));
    assertEquals("small", size.getString("default"));
    assertEquals("network", form.getJsonArray("groups").getJsonObject(0).getString("id"));
    JsonObject schema = form.getJsonObject("json_schema");
    assertEquals(
        "^vpc-[0-9a-f]{6,17}$",
        schema
            .getJsonObject("properties")
            .getJsonObject("network")
            .getJsonObject("properties")
            .getJsonObject("vpc")
            .getString("pattern"));
    assertTrue(schema.getJsonArray("required").toString().contains("network"));
  }

  @Test
  void catalogReadsAreRevalidatedWithTheirEntityTag() {
    for (String path :
        List.of(
            "/api/v1/catalog?category=databases",
            "/api/v1/catalog/postgres-database",
            "/api/v1/catalog/postgres-database/form",
            "/api/v1/catalog/schema")) {
      Api.Answer first = api.get(path, developer);
      String tag = first.header("ETag");
      assertTrue(tag != null && tag.startsWith("\""), path + ": " + first.headers().map());
      assertEquals(
          Set.of("private", "no-cache"),
          Set.of(first.header("Cache-Control").split(",\\s*")),
          path);
      Api.Answer again =
          api.send(
              api.request(path)
                  .header("Authorization", "Bearer " + developer)
                  .header("If-None-Match", tag));
      assertEquals(304, again.status(), path + ": " + again.raw());
      assertEquals(tag, again.header("ETag"), path);
      assertTrue(again.raw().isEmpty(), path);
      Api.Answer stale =
          api.send(
              api.request(path)
                  .header("Authorization", "Bearer " + developer)
                  .header("If-None-Match", "\"an-older-tag\""));
      assertEquals(200, stale.status(), path);
    }
    assertFalse(
        api.get("/api/v1/catalog?category=databases", developer)
            .header("ETag")
            .equals(api.get("/api/v1/catalog?category=messaging", developer).header("ETag")));
    assertNull(api.get("/api/v1/catalog/sync", developer).header("ETag"));
    assertEquals(401, api.get("/api/v1/catalog/postgres-database").status());
  }

  @Test
  void unknownItemsAreNotFound() {
    Api.Answer answer = api.get("/api/v1/catalog/no-such-item", developer);
    assertEquals(404, answer.status(), answer.raw());
    assertEquals("NOT_FOUND", answer.errorCode());
  }

  @Test
  void theSchemaAndTheLastSyncArePublished() {
    JsonObject schema = api.get("/api/v1/catalog/schema", developer).json().getJsonObject("data");
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.getString("$schema"));
    JsonObject sync = api.get("/api/v1/catalog/sync", developer).json().getJsonObject("data");
    assertEquals("ok", sync.getString("status"));
    assertEquals(13, sync.getInt("documents_loaded"));
    assertTrue(sync.getJsonArray("rejected").isEmpty(), sync.toString());
  }

  private Api.Answer tool(String name, String contentType, String body, String token) {
    return api.send(
        api.request("/api/v1/tools/" + name)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void validateReportsLineAndColumnOfThePostedText() {
    String document =
        """
        apiVersion: pao/v1
        kind: CatalogItem
        metadata:
          id: tiny
          name: Tiny
          version: 1.0.0
          category: compute
        spec:
          form:
            fields:
              - id: name
                type: string
                pattern: "([a-z"
          fulfillment:
            actions:
              - id: t
                type: jira
                project: X
                issueType: Task
                summary: "{{.current.nam}}"
        """;
    Api.Answer answer = tool("validate", "application/yaml", document, platform);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    assertFalse(data.getBoolean("valid"));
    JsonArray errors = data.getJsonArray("errors");
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(13, errors.getJsonObject(0).getInt("line"));
    assertEquals("spec.form.fields[0].pattern", errors.getJsonObject(0).getString("path"));
    assertEquals(20, errors.getJsonObject(1).getInt("line"));
  }

  @Test
  void validateAcceptsAValidDocumentAsJson() {
    String json =
        """
        {"apiVersion": "pao/v1", "kind": "CatalogBundle",
         "metadata": {"id": "db-and-repo", "name": "DB and repo", "version": "0.1.0"},
         "spec": {"form": {"fields": [{"id": "name", "type": "string", "required": true},
                                      {"id": "visibility", "type": "select", "required": true,
                                       "options": ["internal"]}],
                           "groups": [{"id": "network", "fields": [{"id": "vpc", "type": "string"}]}]},
                  "components": [{"id": "db", "item": "postgres-database"},
                                 {"id": "repo", "item": "github-repository", "dependsOn": ["db"],
                                  "values": {"topics": ["service"],
                                             "homepage": "https://orders.example.com"}}]}}
        """;
    JsonObject data =
        tool("validate", "application/json", json, platform).json().getJsonObject("data");
    assertTrue(data.getBoolean("valid"), data.toString());
    assertEquals("bundle", data.getString("kind"));
  }

  @Test
  void toolsNeedThePlatformRole() {
    Api.Answer answer = tool("validate", "application/yaml", "kind: x", developer);
    assertEquals(403, answer.status(), answer.raw());
  }

  @Test
  void previewRendersEveryActionAndMasksSensitiveValues() {
    String yaml = api.get("/api/v1/catalog/postgres-database", developer).raw();
    assertTrue(yaml.contains("postgres"));
    String body =
        """
        {"document": %s,
         "form_data": {"name": "orders", "adminPassword": "s3cret-value-123",
                       "network": {"vpc": "vpc-0abc123"}}}
        """
            .formatted(
                jakarta.json.Json.createValue(
                        """
                        apiVersion: pao/v1
                        kind: CatalogItem
                        metadata: {id: preview-db, name: Preview DB, version: 1.0.0, category: databases}
                        spec:
                          form:
                            fields:
                              - {id: name, type: string, required: true}
                              - {id: adminPassword, type: string, sensitive: true}
                            groups:
                              - id: network
                                fields: [{id: vpc, type: string, required: true}]
                          fulfillment:
                            actions:
                              - id: ticket
                                type: jira
                                project: DBA
                                issueType: Task
                                summary: "Create {{.current.name}} in {{.current.network.vpc}}"
                                description: "pw {{.current.adminPassword}}"
                                outputs: {key: $.key}
                              - id: call
                                type: rest
                                method: POST
                                url: "https://x.example.com/db/{{.current.name}}?t={{.output.key}}"
                        """)
                    .toString());
    Api.Answer answer = tool("preview", "application/json", body, platform);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    JsonArray actions = data.getJsonArray("actions");
    JsonObject ticket = actions.getJsonObject(0).getJsonObject("rendered");
    assertEquals("Create orders in vpc-0abc123", ticket.getString("summary"));
    assertEquals("pw ***", ticket.getString("description"));
    assertFalse(answer.raw().contains("s3cret-value-123"), answer.raw());
    assertTrue(
        actions.getJsonObject(1).getJsonObject("rendered").getString("url").contains("orders"));
    assertTrue(data.getJsonArray("form_errors").isEmpty(), data.toString());
    assertNull(data.get("error"));
  }

  @Test
  void previewOfAnInvalidDocumentIsAValidationError() {
    Api.Answer answer =
        tool("preview", "application/json", "{\"document\": \"kind: [\"}", platform);
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    assertTrue(
        answer
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field")
            .startsWith("document:"),
        answer.raw());
  }
}
