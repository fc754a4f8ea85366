package dev.pao.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The envelope, error codes and correlation ids, as api-conventions.md fixes them. */
class ApiConventionsIT {
  private final Api api = TestStack.api();

  @Test
  void unknownPathAnswersNotFoundInTheErrorEnvelope() {
    Api.Answer answer = api.get("/api/v1/nope");
    assertEquals(404, answer.status());
    JsonObject error = answer.json().getJsonObject("error");
    assertEquals("NOT_FOUND", error.getString("code"));
    assertFalse(error.getString("message").isBlank());
    assertTrue(error.containsKey("details"));
    assertEquals(answer.header("X-Correlation-ID"), error.getString("correlation_id"));
  }

  @Test
  void successAnswersCarryDataAndTheCallersCorrelationId() {
    Api.Answer answer =
        api.send(api.request("/api/v1/health").header("X-Correlation-ID", "it-corr-42").GET());
    assertEquals(200, answer.status());
    assertEquals("it-corr-42", answer.header("X-Correlation-ID"));
    assertEquals("it-corr-42", answer.json().getJsonObject("meta").getString("correlation_id"));
    assertEquals("UP", answer.json().getJsonObject("data").getString("status"));
  }

  @Test
  void errorsCarryTheCallersCorrelationIdToo() {
    Api.Answer answer =
        api.send(api.request("/api/v1/nope").header("X-Correlation-ID", "it-corr-404").GET());
    assertEquals("it-corr-404", answer.header("X-Correlation-ID"));
    assertEquals("it-corr-404", answer.json().getJsonObject("error").getString("correlation_id"));
  }

  @Test
  void anInsaneCorrelationIdIsReplacedByAGeneratedOne() {
    Api.Answer answer =
        api.send(
            api.request("/api/v1/health")
                .header("X-Correlation-ID", "bad id;<script>" + "x".repeat(200))
                .GET());
    String id = answer.header("X-Correlation-ID");
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void malformedJsonIsAValidationErrorWithoutInternals() {
    Api.Answer answer = api.postJson("/api/v1/dev/token", "{\"email\": \"a@b.c\", oops");
    assertEquals(400, answer.status());
    assertEquals("VALIDATION_ERROR", answer.errorCode());
    assertNoInternals(answer.raw());
  }

  @Test
  void invalidInputListsEveryProblem() {
    Api.Answer answer = api.postJson("/api/v1/dev/token", "{\"roles\": [\"wizard\"]}");
    assertEquals(400, answer.status());
    JsonObject error = answer.json().getJsonObject("error");
    assertEquals("VALIDATION_ERROR", error.getString("code"));
    assertEquals(2, error.getJsonArray("details").size(), answer.raw());
    assertEquals("email", error.getJsonArray("details").getJsonObject(0).getString("field"));
  }

  @Test
  void anOversizedBodyIsRefusedWithPayloadTooLarge() {
    String big = "{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "@example.com\"}";
    Api.Answer answer = api.postJson("/api/v1/dev/token", big);
    assertEquals(413, answer.status());
    assertEquals("PAYLOAD_TOO_LARGE", answer.errorCode());
  }

  @Test
  void anOversizedChunkedBodyIsRefusedToo() {
    byte[] big = ("{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes();
    Api.Answer answer =
        api.send(
            api.request("/api/v1/dev/token")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
    assertEquals(413, answer.status(), answer.raw());
    assertEquals("PAYLOAD_TOO_LARGE", answer.errorCode());
  }

  @Test
  void aWrongMethodIsRefusedInTheEnvelope() {
    Api.Answer answer = api.send(api.request("/api/v1/health").DELETE());
    assertEquals(405, answer.status());
    assertNotEquals(null, answer.json().getJsonObject("error").getString("code"));
  }

  private static void assertNoInternals(String body) {
    for (String leak : new String[] {"Exception", "jakarta.", "java.", "org.", "\tat "}) {
      assertFalse(body.contains(leak), "leaks '" + leak + "': " + body);
    }
  }
}
