package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.local.LibertyProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A server killed (kill -9) in the middle of a message: after a restart it completes once. */
class QueueCrashIT {

  @Test
  void killedServerMidMessageLeadsToExactlyOneCompletionAfterRestart() {
    // Every server on the shared queue may be the one that receives the message: all crash.
    List<LibertyProcess> servers = TestStack.runningServers();
    String run = QueueProbes.newRun();
    QueueProbes.send("probe.slow", run, "crash", "crash-" + run, Map.of("millis", 6_000));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> QueueProbes.deliveries(run, "started").size() == 1);

    servers.forEach(LibertyProcess::kill);
    assertEquals(List.of(), QueueProbes.deliveries(run, "completed"));
    servers.stream()
        .map(server -> CompletableFuture.runAsync(() -> server.start(Duration.ofMinutes(3))))
        .toList()
        .forEach(CompletableFuture::join);

    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                QueueProbes.queueCount(
                            QueueProbes.queueUrl(),
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        + QueueProbes.queueCount(
                            QueueProbes.queueUrl(),
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                    == 0);

    List<QueueProbes.Delivery> completed = QueueProbes.deliveries(run, "completed");
    assertEquals(1, completed.size(), "completions: " + completed);
    assertTrue(completed.get(0).deliveryCount() >= 2, "completed by a redelivery after restart");
    assertEquals(2, QueueProbes.deliveries(run, "started").size());
  }
}
