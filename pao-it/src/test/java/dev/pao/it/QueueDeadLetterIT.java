package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A handler that throws leaves its message for redelivery; after 3 receives the queue moves it to
 * the DLQ, where an admin sees it and can redrive it once.
 */
class QueueDeadLetterIT {
  private final Api api = TestStack.api();
  private final String admin = api.token("ops@example.com", List.of("ops"), List.of("admin"));

  @Test
  void throwingHandlerIsRedeliveredAndLandsInTheDlqAfterThreeReceives() {
    String run = QueueProbes.newRun();
    String group = "fail-" + run;
    QueueProbes.send("probe.fail", run, "always", group, Map.of());

    JsonObject letter = awaitDeadLetter(group);
    List<QueueProbes.Delivery> failed = QueueProbes.deliveries(run, "failed");
    assertEquals(
        List.of(1, 2, 3), failed.stream().map(QueueProbes.Delivery::deliveryCount).toList());
    assertEquals("probe.fail", letter.getJsonObject("body").getString("type"));
    assertTrue(letter.getInt("receive_count") >= 3, letter.toString());
    assertEquals(List.of(), QueueProbes.deliveries(run, "completed"));
  }

  @Test
  void aMalformedActionMessageIsNotAcknowledgedAndEndsInTheDeadLetterQueue() {
    String group = UUID.randomUUID().toString();
    QueueProbes.sendRaw(group, "{\"type\":\"action\",\"request_id\":\"not-a-request\"}");

    JsonObject letter = awaitDeadLetter(group);
    assertEquals("action", letter.getJsonObject("body").getString("type"));
  }

  @Test
  void redriveMovesADeadLetterBackOnceAndItIsProcessed() throws SQLException {
    String run = QueueProbes.newRun();
    String group = "redrive-" + run;
    QueueProbes.send("probe.fail", run, "thrice", group, Map.of("fail_times", 3));
    String dlqMessageId = awaitDeadLetter(group).getString("message_id");

    Api.Answer moved = redrive(dlqMessageId);
    assertEquals(200, moved.status(), moved.raw());
    assertEquals(group, moved.json().getJsonObject("data").getString("message_group_id"));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == 1);
    assertEquals(404, redrive(dlqMessageId).status(), "a second redrive of the same letter");
    assertEquals(1, auditEvents(dlqMessageId));
    assertTrue(deadLetter(group).isEmpty());
  }

  @Test
  void dlqListingIsForAdminsOnly() {
    String developer = api.token("dev@example.com", List.of("team-a"), List.of());
    Api.Answer answer = api.get("/api/v1/queue/dlq/messages", developer);
    assertEquals(403, answer.status());
    assertEquals("FORBIDDEN", answer.errorCode());
  }

  private JsonObject awaitDeadLetter(String group) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> deadLetter(group), Optional::isPresent)
        .orElseThrow();
  }

  private Optional<JsonObject> deadLetter(String group) {
    Api.Answer answer = api.get("/api/v1/queue/dlq/messages", admin);
    assertEquals(200, answer.status(), answer.raw());
    return answer.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .filter(letter -> group.equals(letter.getString("message_group_id", null)))
        .findFirst();
  }

  private Api.Answer redrive(String messageId) {
    return api.send(
        api.request("/api/v1/queue/dlq/" + messageId + "/redrive")
            .header("Authorization", "Bearer " + admin)
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
  }

  private static int auditEvents(String dlqMessageId) throws SQLException {
    try (Connection connection = QueueProbes.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM audit_events WHERE event_type = 'queue.message_redriven'"
                    + " AND actor = 'ops@example.com' AND payload->>'dlq_message_id' = ?")) {
      statement.setString(1, dlqMessageId);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
