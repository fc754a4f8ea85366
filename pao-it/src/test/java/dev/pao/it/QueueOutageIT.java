package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.local.EmbeddedBroker;
import dev.pao.local.LocalStack;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The broker down for 30 s and back: the instance stays ready and keeps accepting submissions (they
 * wait in the outbox), no message is lost, the adapter recovers by itself (no server restart), and
 * the outage is logged once.
 */
class QueueOutageIT {
  private static final int MESSAGES = 20;
  private static final String OUTAGE_LOG = "is unreachable (";
  private static final String RECOVERY_LOG = "is reachable again after";

  private final Api api = TestStack.api();
  private final String token = api.token("outage@example.com", List.of("team-data"), List.of());

  @Test
  void survivesABrokerOutageWithoutLosingMessages() throws IOException {
    LocalStack stack = TestStack.get();
    EmbeddedBroker broker = stack.broker();
    String run = QueueProbes.newRun();
    for (int i = 0; i < MESSAGES; i++) {
      QueueProbes.send("probe.slow", run, "m" + i, run + "-g" + (i % 2), Map.of("millis", 300));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !QueueProbes.deliveries(run, "started").isEmpty());
    long outagesBefore = logLines(stack, OUTAGE_LOG);
    long recoveriesBefore = logLines(stack, RECOVERY_LOG);

    broker.stop();
    String submitted;
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> "DOWN".equals(queueStatus()));
      submitted = submit();
      await()
          .during(Duration.ofSeconds(25))
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  api.get("/api/v1/health/ready").status() == 200
                      && api.get("/health/ready").status() == 200);
      assertEquals("DOWN", queueStatus(), "the queue is shown down meanwhile");
      assertEquals("submitted", status(submitted), "waits in the outbox");
    } finally {
      broker.start();
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == MESSAGES);
    Map<String, Long> completions =
        QueueProbes.deliveries(run, "completed").stream()
            .collect(Collectors.groupingBy(QueueProbes.Delivery::key, Collectors.counting()));
    assertEquals(
        IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).collect(Collectors.toSet()),
        completions.keySet());
    assertEquals(List.of(1L), completions.values().stream().distinct().toList());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> logLines(stack, RECOVERY_LOG) == recoveriesBefore + 1);
    assertEquals(outagesBefore + 1, logLines(stack, OUTAGE_LOG), "outage logged once");
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !List.of("submitted", "queued", "in_progress").contains(status(submitted)));
    assertEquals("completed", status(submitted));
    // The queue check is cached for a few seconds: it may still tell of the outage just after.
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> "UP".equals(queueStatus()));
  }

  /** A submission (answered 202) of a sample item that completes against the sandbox. */
  private String submit() {
    Api.Answer answer =
        api.send(
            api.request("/api/v1/requests")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"catalog_item_id\": \"event-driven-service\", \"form_data\":"
                            + " {\"name\": \"outage-events\"}}")));
    assertEquals(202, answer.status(), answer.raw());
    return answer.json().getJsonObject("data").getString("id");
  }

  private String status(String id) {
    return api.get("/api/v1/requests/" + id, token)
        .json()
        .getJsonObject("data")
        .getString("status");
  }

  /** The queue's status in the readiness answer's dependencies. */
  private String queueStatus() {
    Api.Answer ready = api.get("/api/v1/health/ready");
    assertEquals(200, ready.status(), ready.raw());
    return ready.json().getJsonObject("data").getJsonArray("dependencies").stream()
        .map(JsonValue::asJsonObject)
        .filter(dependency -> dependency.getString("name").equals("queue"))
        .map(dependency -> dependency.getString("status"))
        .findFirst()
        .orElseThrow();
  }

  private static long logLines(LocalStack stack, String text) throws IOException {
    try (var lines = Files.lines(stack.server().consoleLog())) {
      return lines.filter(line -> line.contains(text)).count();
    }
  }
}
