package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.local.EmbeddedBroker;
import dev.pao.local.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The broker down for 30 s and back: no message is lost, the adapter recovers by itself (no server
 * restart), and the outage is logged once.
 */
class QueueOutageIT {
  private static final int MESSAGES = 20;
  private static final String OUTAGE_LOG = "is unreachable (";
  private static final String RECOVERY_LOG = "is reachable again after";

  private final Api api = TestStack.api();

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
    try {
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("/api/v1/health/ready").status() == 503);
      await()
          .during(Duration.ofSeconds(25))
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> api.get("/api/v1/health/ready").status() == 503);
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
  }

  private static long logLines(LocalStack stack, String text) throws IOException {
    try (var lines = Files.lines(stack.server().consoleLog())) {
      return lines.filter(line -> line.contains(text)).count();
    }
  }
}
