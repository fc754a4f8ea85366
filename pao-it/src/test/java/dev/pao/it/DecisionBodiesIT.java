package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retry, abort and escalate take no body, an empty one or {@code {"reason"}}, and honour {@code
 * Idempotency-Key} like every changing POST. The decisions are made on a completed request, so the
 * state machine's answer (409) shows the body was accepted and the decision reached.
 */
class DecisionBodiesIT {
  private static final Api API = TestStack.api();
  private static String token;
  private static String completed;

  @BeforeAll
  static void completedRequest() {
    token = API.token("decider@example.com", List.of("team-data"), List.of());
    // The first catalog sync runs after start-up.
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> API.get("/api/v1/catalog/event-driven-service", token).status() == 200);
    Api.Answer submitted =
        post(
            "/api/v1/requests",
            "application/json",
            "{\"catalog_item_id\": \"event-driven-service\", \"form_data\": {\"name\":"
                + " \"decision-events\"}}",
            null);
    assertEquals(202, submitted.status(), submitted.raw());
    completed = submitted.json().getJsonObject("data").getString("id");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                "completed"
                    .equals(
                        API.get("/api/v1/requests/" + completed, token)
                            .json()
                            .getJsonObject("data")
                            .getString("status")));
  }

  @Test
  void decisionsWithoutABodyReachTheStateMachine() {
    for (String decision : List.of("retry", "abort", "escalate")) {
      Api.Answer answer = post(path(decision), null, null, null);
      assertEquals(409, answer.status(), decision + ": " + answer.raw());
      assertEquals("INVALID_STATE", answer.errorCode(), decision);
    }
  }

  @Test
  void anEmptyJsonBodyOrAReasonIsAccepted() {
    assertEquals(409, post(path("abort"), "application/json", "", null).status());
    assertEquals(409, post(path("escalate"), "application/json", "{}", null).status());
    assertEquals(
        409, post(path("retry"), "application/json", "{\"reason\": \"try again\"}", null).status());
  }

  @Test
  void aBodyThatIsNotADecisionIsRefused() {
    Api.Answer unknown = post(path("escalate"), "application/json", "{\"why\": \"x\"}", null);
    assertEquals(400, unknown.status(), unknown.raw());
    assertEquals(
        "why",
        unknown
            .json()
            .getJsonObject("error")
            .getJsonArray("details")
            .getJsonObject(0)
            .getString("field"));
    Api.Answer text = post(path("abort"), "text/plain", "please stop", null);
    assertEquals(415, text.status(), text.raw());
    assertEquals("UNSUPPORTED_MEDIA_TYPE", text.errorCode());
  }

  @Test
  void theSameIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
    Api.Answer first = post(path("retry"), null, null, "retry-once");
    assertEquals(409, first.status(), first.raw());
    assertNull(first.header("Idempotent-Replayed"));
    Api.Answer repeat = post(path("retry"), null, null, "retry-once");
    assertEquals(409, repeat.status(), repeat.raw());
    assertEquals("true", repeat.header("Idempotent-Replayed"));
    assertEquals(
        first.json().getJsonObject("error").getString("correlation_id"),
        repeat.json().getJsonObject("error").getString("correlation_id"),
        "the first answer");
    Api.Answer reused =
        post(path("retry"), "application/json", "{\"reason\": \"other\"}", "retry-once");
    assertEquals(422, reused.status(), reused.raw());
    assertEquals("IDEMPOTENCY_KEY_REUSED", reused.errorCode());
  }

  @Test
  void aCatalogRefreshWithTheSameKeyIsAnsweredOnceAndReplayed() {
    String platform = API.token("refresher@example.com", List.of(), List.of("platform"));
    HttpRequest.Builder refresh =
        API.request("/api/v1/catalog/refresh")
            .header("Authorization", "Bearer " + platform)
            .header("Idempotency-Key", "refresh-once")
            .POST(HttpRequest.BodyPublishers.noBody());
    Api.Answer first = API.send(refresh);
    assertEquals(200, first.status(), first.raw());
    Api.Answer repeat = API.send(refresh);
    assertEquals(200, repeat.status(), repeat.raw());
    assertEquals("true", repeat.header("Idempotent-Replayed"));
    assertEquals(first.json().getJsonObject("data"), repeat.json().getJsonObject("data"));
  }

  private static String path(String decision) {
    return "/api/v1/requests/" + completed + "/" + decision;
  }

  private static Api.Answer post(String path, String type, String body, String key) {
    HttpRequest.Builder request =
        API.request(path)
            .header("Authorization", "Bearer " + token)
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return API.send(request);
  }
}
