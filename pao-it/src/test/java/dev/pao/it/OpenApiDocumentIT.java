package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is valid for a real parser and passes a strict lint: every operation
 * is named, described, tagged and secured, documents its errors with the error envelope, and every
 * body and success answer has a schema with properties.
 */
class OpenApiDocumentIT {
  private static final String COMPONENT_SCHEMAS = "#/components/schemas/";
  private static final String COMPONENT_RESPONSES = "#/components/responses/";

  private static String yaml;
  private static String json;
  private static OpenAPI document;
  private static Map<String, Operation> operations;

  @BeforeAll
  static void fetch() {
    Api api = TestStack.api();
    Api.Answer yamlAnswer = api.get("/openapi");
    Api.Answer jsonAnswer = api.get("/openapi?format=JSON");
    assertEquals(200, yamlAnswer.status(), yamlAnswer.raw());
    assertEquals(200, jsonAnswer.status(), jsonAnswer.raw());
    yaml = yamlAnswer.raw();
    json = jsonAnswer.raw();
    keepForReading(yaml);
    document = parsed(yaml);
    operations = new HashMap<>();
    document
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> operations.put(method + " " + path, operation)));
  }

  @Test
  void yamlAndJsonParseWithoutMessagesAndAgree() {
    OpenAPI fromJson = parsed(json);
    assertEquals(document.getPaths().keySet(), fromJson.getPaths().keySet());
    assertEquals(
        document.getComponents().getSchemas().keySet(),
        fromJson.getComponents().getSchemas().keySet());
  }

  @Test
  void everyOperationHasAUniqueIdASummaryATagAndSecurity() {
    Map<String, String> ids = new HashMap<>();
    List<String> problems = new ArrayList<>();
    operations.forEach(
        (key, operation) -> {
          String id = operation.getOperationId();
          if (id == null || id.isBlank()) {
            problems.add(key + ": no operationId (add it to ApiOperations)");
          } else if (ids.put(id, key) != null) {
            problems.add(key + ": operationId " + id + " also names " + ids.get(id));
          }
          if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            problems.add(key + ": no summary");
          }
          if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add(key + ": no tag");
          }
          if (operation.getSecurity() == null) {
            problems.add(key + ": no security requirement (security: [] when public)");
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(operations.size() >= 28, "operations: " + operations.keySet());
  }

  @Test
  void errorAnswersUseTheErrorEnvelopeAndFollowTheSecurity() {
    List<String> problems = new ArrayList<>();
    operations.forEach(
        (key, operation) -> {
          boolean anyError = false;
          for (Map.Entry<String, ApiResponse> answer : operation.getResponses().entrySet()) {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
              anyError = true;
              String schema = jsonSchemaRef(resolve(answer.getValue()).getContent());
              if (!(COMPONENT_SCHEMAS + "ErrorEnvelope").equals(schema)) {
                problems.add(key + " " + answer.getKey() + ": not the error envelope: " + schema);
              }
            }
          }
          if (!anyError) {
            problems.add(key + ": no error answers");
          }
          boolean secured = !operation.getSecurity().isEmpty();
          if (secured && !operation.getResponses().containsKey("401")) {
            problems.add(key + ": needs a token but documents no 401");
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void bodiesAndSuccessAnswersHaveSchemasWithProperties() {
    List<String> problems = new ArrayList<>();
    operations.forEach(
        (key, operation) -> {
          if (operation.getRequestBody() != null) {
            operation
                .getRequestBody()
                .getContent()
                .forEach((type, media) -> checkBody(key + " body " + type, media, problems));
          }
          boolean anySuccess = false;
          for (Map.Entry<String, ApiResponse> answer : operation.getResponses().entrySet()) {
            if (answer.getKey().startsWith("2")) {
              anySuccess = true;
              String ref = jsonSchemaRef(answer.getValue().getContent());
              checkPropertied(key + " " + answer.getKey(), ref, problems);
            }
          }
          if (!anySuccess) {
            problems.add(key + ": no success answer");
          }
        });
    document
        .getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              if (isBareObject(schema)) {
                problems.add("components.schemas." + name + ": bare type object");
              }
            });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyRefResolves() {
    JsonObject tree;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      tree = reader.readObject();
    }
    List<String> refs = new ArrayList<>();
    collectRefs(tree, refs);
    assertTrue(refs.size() > 50, "refs: " + refs.size());
    List<String> dangling = new ArrayList<>();
    for (String ref : new TreeSet<>(refs)) {
      if (!ref.startsWith("#/") || !Json.createPointer(ref.substring(1)).containsValue(tree)) {
        dangling.add(ref);
      }
    }
    assertTrue(dangling.isEmpty(), "unresolved: " + dangling);
  }

  @Test
  void publicEndpointsNeedNoTokenAndTheWebhookNamesItsSignature() {
    for (String key :
        List.of(
            "GET /api/v1/health",
            "GET /api/v1/health/ready",
            "GET /api/v1/version",
            "POST /api/v1/dev/token",
            "POST /api/v1/webhooks/github")) {
      Operation operation = operations.get(key);
      assertNotNull(operation, key);
      assertEquals(List.of(), operation.getSecurity(), key);
    }
    Parameter signature =
        operations.get("POST /api/v1/webhooks/github").getParameters().stream()
            .filter(p -> p.getName().equals("X-Hub-Signature-256"))
            .findFirst()
            .orElseThrow();
    assertEquals("header", signature.getIn());
    assertTrue(signature.getDescription().contains("HMAC-SHA256"), signature.getDescription());
    assertTrue(operations.get("GET /api/v1/queue/stats").getResponses().containsKey("403"));
    assertTrue(
        operations.get("POST /api/v1/requests/{id}/retry").getResponses().containsKey("409"));
    assertTrue(operations.get("POST /api/v1/requests").getResponses().containsKey("422"));
    assertEquals(
        COMPONENT_SCHEMAS + "RequestEnvelope",
        jsonSchemaRef(
            operations.get("POST /api/v1/requests").getResponses().get("202").getContent()));
  }

  @Test
  void changingPostsDocumentIdempotencyKeysRateLimitsAndOptionalDecisionBodies() {
    for (String key :
        List.of(
            "POST /api/v1/requests",
            "POST /api/v1/requests/{id}/retry",
            "POST /api/v1/requests/{id}/abort",
            "POST /api/v1/requests/{id}/escalate",
            "POST /api/v1/queue/dlq/{message-id}/redrive",
            "POST /api/v1/catalog/refresh")) {
      Operation operation = operations.get(key);
      assertNotNull(operation, key);
      assertTrue(
          operation.getParameters() != null
              && operation.getParameters().stream()
                  .anyMatch(
                      p -> p.getName().equals("Idempotency-Key") && "header".equals(p.getIn())),
          key + ": Idempotency-Key header");
      assertTrue(operation.getResponses().containsKey("422"), key + ": 422");
    }
    for (String key : List.of("POST /api/v1/requests", "POST /api/v1/webhooks/github")) {
      assertTrue(operations.get(key).getResponses().containsKey("429"), key + ": 429");
    }
    for (String decision : List.of("retry", "abort", "escalate")) {
      Operation operation = operations.get("POST /api/v1/requests/{id}/" + decision);
      assertTrue(
          !Boolean.TRUE.equals(operation.getRequestBody().getRequired()),
          decision + ": the body is optional");
    }
  }

  /** The served document, kept in target/ to read or to hand to other tools. */
  private static void keepForReading(String text) {
    try {
      Path file = Path.of("target", "openapi", "openapi.yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OpenAPI parsed(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        "parser messages: " + result.getMessages());
    assertNotNull(result.getOpenAPI());
    return result.getOpenAPI();
  }

  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(COMPONENT_RESPONSES.length());
    return document.getComponents().getResponses().get(name);
  }

  private static String jsonSchemaRef(Content content) {
    if (content == null) {
      return null;
    }
    // An export answers JSON lines: one object of its schema per line.
    MediaType media =
        content.get("application/json") != null
            ? content.get("application/json")
            : content.get("application/x-ndjson");
    if (media == null) {
      return null;
    }
    Schema<?> schema = media.getSchema();
    return schema == null ? null : schema.get$ref();
  }

  private static void checkBody(String where, MediaType media, List<String> problems) {
    Schema<?> schema = media.getSchema();
    if (schema != null && schema.get$ref() == null && "string".equals(schema.getType())) {
      return;
    }
    checkPropertied(where, schema == null ? null : schema.get$ref(), problems);
  }

  private static void checkPropertied(String where, String ref, List<String> problems) {
    if (ref == null || !ref.startsWith(COMPONENT_SCHEMAS)) {
      problems.add(where + ": no JSON schema $ref");
      return;
    }
    Schema<?> target =
        document.getComponents().getSchemas().get(ref.substring(COMPONENT_SCHEMAS.length()));
    if (target == null || target.getProperties() == null || target.getProperties().isEmpty()) {
      problems.add(where + ": " + ref + " has no properties");
    }
  }

  private static boolean isBareObject(Schema<?> schema) {
    return schema.get$ref() == null
        && (schema.getType() == null || "object".equals(schema.getType()))
        && (schema.getProperties() == null || schema.getProperties().isEmpty())
        && schema.getAdditionalProperties() == null
        && schema.getEnum() == null
        && schema.getAllOf() == null
        && schema.getOneOf() == null
        && schema.getAnyOf() == null;
  }

  private static void collectRefs(JsonValue value, List<String> refs) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (name, member) -> {
            if (name.equals("$ref") && member.getValueType() == JsonValue.ValueType.STRING) {
              refs.add(((jakarta.json.JsonString) member).getString());
            } else {
              collectRefs(member, refs);
            }
          });
    } else if (value instanceof jakarta.json.JsonArray array) {
      array.forEach(member -> collectRefs(member, refs));
    }
  }
}
