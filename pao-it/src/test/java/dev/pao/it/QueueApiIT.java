package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue management API: statistics from the queues' counters, and the main queue's messages
 * from the database's outbox and action rows (never from the queue itself).
 */
class QueueApiIT {
  private final Api api = TestStack.api();
  private final String admin = api.token("ops@example.com", List.of("ops"), List.of("admin"));

  @Test
  void statsCoverTheMainQueueAndTheDlq() {
    Api.Answer answer = api.get("/api/v1/queue/stats", admin);
    assertEquals(200, answer.status(), answer.raw());
    JsonObject data = answer.json().getJsonObject("data");
    assertTrue(data.getJsonObject("main").getJsonNumber("depth").longValue() >= 0);
    assertTrue(data.getJsonObject("dlq").getJsonNumber("in_flight").longValue() >= 0);
    assertEquals(5, data.getInt("rate_window_minutes"));
    assertTrue(data.getJsonNumber("processed_per_minute").doubleValue() >= 0);
  }

  @Test
  void theQueueEndpointsAreInTheOpenApiDocument() {
    Api.Answer document =
        api.send(api.request("/openapi").header("Accept", "application/json").GET());
    JsonObject paths = document.json().getJsonObject("paths");
    for (String path :
        List.of(
            "/api/v1/queue/stats",
            "/api/v1/queue/messages",
            "/api/v1/queue/messages/{message-group-id}",
            "/api/v1/queue/dlq/messages",
            "/api/v1/queue/dlq/{message-id}/redrive")) {
      assertTrue(paths.containsKey(path), path + " not in " + paths.keySet());
    }
  }

  @Test
  void publishesQueueMetrics() {
    QueueProbes.send("probe.noop", QueueProbes.newRun(), "metrics", "metrics-group", Map.of());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.get("/metrics").raw().contains("pao_queue_messages_acknowledged_total"));
    String metrics = api.get("/metrics").raw();
    for (String name :
        List.of(
            "pao_queue_messages_received_total",
            "pao_queue_messages_redelivered_total",
            "pao_queue_messages_dead_lettered_total",
            "pao_queue_handler_duration_seconds",
            "pao_queue_depth{",
            "pao_queue_in_flight{",
            "pao_queue_oldest_message_age_seconds")) {
      assertTrue(metrics.contains(name), name + " missing from /metrics");
    }
  }

  @Test
  void listsUnfinishedActionMessagesFromTheDatabase() throws SQLException {
    UUID request = UUID.randomUUID();
    String messageId = "msg-" + request;
    insertQueuedAction(request, messageId);

    Api.Answer group = api.get("/api/v1/queue/messages/" + request, admin);
    assertEquals(200, group.status(), group.raw());
    List<JsonObject> messages = group.json().getJsonArray("data").getValuesAs(JsonObject.class);
    assertEquals(1, messages.size());
    JsonObject message = messages.get(0);
    assertEquals(messageId, message.getString("message_id"));
    assertEquals("queued", message.getString("state"));
    assertEquals(request + ":0:1", message.getString("deduplication_id"));

    Api.Answer all = api.get("/api/v1/queue/messages?limit=200", admin);
    assertEquals(200, all.status(), all.raw());
    assertTrue(all.raw().contains(messageId), all.raw());

    finishAction(request);
    Api.Answer after = api.get("/api/v1/queue/messages/" + request, admin);
    assertEquals(0, after.json().getJsonArray("data").size());
  }

  @Test
  void pagesWithACursorWithoutRepeatingAMessage() throws SQLException {
    insertQueuedAction(UUID.randomUUID(), "page-a-" + UUID.randomUUID());
    insertQueuedAction(UUID.randomUUID(), "page-b-" + UUID.randomUUID());
    Api.Answer first = api.get("/api/v1/queue/messages?limit=1", admin);
    String cursor = first.json().getJsonObject("meta").getString("next_cursor");
    Api.Answer second = api.get("/api/v1/queue/messages?limit=1&cursor=" + cursor, admin);
    assertEquals(200, second.status(), second.raw());
    String firstId = first.json().getJsonArray("data").getJsonObject(0).getString("message_id");
    String secondId = second.json().getJsonArray("data").getJsonObject(0).getString("message_id");
    assertTrue(!firstId.equals(secondId), firstId);
  }

  @Test
  void rejectsABadLimitAndNonAdmins() {
    Api.Answer badLimit = api.get("/api/v1/queue/messages?limit=0", admin);
    assertEquals(400, badLimit.status());
    assertEquals("VALIDATION_ERROR", badLimit.errorCode());
    String developer = api.token("dev@example.com", List.of("team-a"), List.of());
    assertEquals("FORBIDDEN", api.get("/api/v1/queue/stats", developer).errorCode());
    assertEquals(401, api.get("/api/v1/queue/messages").status());
  }

  private static void insertQueuedAction(UUID request, String messageId) throws SQLException {
    try (Connection connection = QueueProbes.connect()) {
      connection.setAutoCommit(false);
      execute(
          connection,
          "INSERT INTO requests (id, catalog_item_id, catalog_item_version, catalog_kind, status,"
              + " requester_subject, requester_email, correlation_id)"
              + " VALUES (?::uuid, 'item', '1', 'item', 'queued', 'dev', 'dev@example.com', 'c')",
          request.toString());
      execute(
          connection,
          "INSERT INTO request_actions (id, request_id, action_index, catalog_item_id, action_id,"
              + " action_type, config, status, attempt) VALUES (gen_random_uuid(), ?::uuid, 0,"
              + " 'item', 'a', 'rest', '{}'::jsonb, 'queued', 1)",
          request.toString());
      execute(
          connection,
          "INSERT INTO outbox (request_id, action_index, attempt, message_group_id,"
              + " deduplication_id, body, status, sent_at, message_id, send_attempts)"
              + " VALUES (?::uuid, 0, 1, ?, ? || ':0:1', '{\"type\":\"action\"}'::jsonb, 'sent',"
              + " now(), ?, 1)",
          request.toString(),
          request.toString(),
          request.toString(),
          messageId);
      connection.commit();
    }
  }

  private static void finishAction(UUID request) throws SQLException {
    try (Connection connection = QueueProbes.connect()) {
      execute(
          connection,
          "UPDATE request_actions SET status = 'completed' WHERE request_id = ?::uuid",
          request.toString());
    }
  }

  private static void execute(Connection connection, String sql, String... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
