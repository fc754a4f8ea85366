package dev.pao.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter keeps a message hidden while its handler works (visibility timeout here: 5 s). */
class QueueHeartbeatIT {

  @Test
  void handlerRunningLongerThanTheVisibilityTimeoutIsNotRedelivered() {
    TestStack.get();
    String run = QueueProbes.newRun();
    QueueProbes.send("probe.slow", run, "long", "slow-" + run, Map.of("millis", 14_000));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> QueueProbes.deliveries(run, "completed").size() == 1);

    List<QueueProbes.Delivery> started = QueueProbes.deliveries(run, "started");
    assertEquals(1, started.size(), "redelivered while the handler was still working");
    assertEquals(1, started.get(0).deliveryCount());
  }
}
