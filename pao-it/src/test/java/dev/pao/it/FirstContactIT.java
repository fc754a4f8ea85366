package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a new user meets first: errors that name what was wrong and what would be right. */
class FirstContactIT {
  private final Api api = TestStack.api();
  private final String developer =
      api.token("newcomer@example.com", List.of("team-data"), List.of());
  private final String platform =
      api.token("platform@example.com", List.of("platform"), List.of("platform"));

  @Test
  void aQueryParameterOfTheWrongTypeIsAValidationErrorNamingIt() {
    Api.Answer answer = api.get("/api/v1/requests?limit=abc", developer);
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    assertTrue(answer.raw().contains("\"field\":\"limit\""), answer.raw());
    assertTrue(answer.raw().contains("must be a whole number"), answer.raw());
  }

  @Test
  void unknownFieldsAndStatusesListTheKnownOnes() {
    Api.Answer fields = api.get("/api/v1/requests?fields=bogus", developer);
    assertEquals(400, fields.status(), fields.raw());
    assertTrue(fields.raw().contains("unknown field 'bogus'; known: id, status"), fields.raw());
    Api.Answer status = api.get("/api/v1/requests?status=finished", developer);
    assertEquals(400, status.status(), status.raw());
    assertTrue(
        status.raw().contains("one of submitted, awaiting_approval, queued, in_progress"),
        status.raw());
  }

  @Test
  void anUnknownBodyPropertyIsRefusedByName() {
    Api.Answer answer =
        submit("{\"item\": \"kafka-topic\", \"form_data\": {\"name\": \"orders.events\"}}");
    assertEquals(400, answer.status(), answer.raw());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    assertTrue(answer.raw().contains("\"field\":\"item\""), answer.raw());
    assertTrue(answer.raw().contains("catalog_item_id, form_data"), answer.raw());
    assertFalse(answer.raw().contains("dev.pao"), "no Java type names: " + answer.raw());
  }

  @Test
  void jsonOfTheWrongShapeSaysWhatShapeIsExpected() {
    Api.Answer answer = submit("[1, 2]");
    assertEquals(400, answer.status(), answer.raw());
    assertTrue(answer.raw().contains("catalog_item_id, form_data"), answer.raw());
  }

  @Test
  void anUnsupportedContentTypeNamesWhatTheEndpointTakes() {
    Api.Answer answer =
        api.send(
            api.request("/api/v1/tools/validate")
                .header("Authorization", "Bearer " + platform)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("kind=x")));
    assertEquals(415, answer.status(), answer.raw());
    assertTrue(answer.raw().contains("application/x-www-form-urlencoded"), answer.raw());
    assertTrue(answer.raw().contains("application/yaml"), answer.raw());
  }

  @Test
  void aPathOutsideTheApiAnswersAPlainPageWithoutServerInternals() {
    Api.Answer answer = api.get("/no-such-page");
    assertEquals(404, answer.status());
    assertTrue(
        answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
    assertFalse(answer.raw().contains("SRVE"), answer.raw());
    assertFalse(answer.raw().contains("Exception"), answer.raw());
    assertTrue(answer.headers().firstValue("$WSEP").isEmpty(), "no container-internal header");
  }

  private Api.Answer submit(String body) {
    return api.send(
        api.request("/api/v1/requests")
            .header("Authorization", "Bearer " + developer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
