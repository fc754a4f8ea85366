package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisibilityHeartbeatTest {
  private static final Duration THIRD = TestActivation.VISIBILITY.dividedBy(3);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private TestActivation activation;
  private VisibilityHeartbeat heartbeat;
  private BridgeStats stats;

  @BeforeEach
  void heartbeat() {
    activation = new TestActivation(1);
    stats = new BridgeStats(new OutageMonitor("test"));
    heartbeat =
        new VisibilityHeartbeat(
            activation.sqs, activation.settings, stats, activation.timer, activation.clock);
    heartbeat.start();
  }

  @AfterEach
  void stop() {
    heartbeat.stop();
    activation.close();
  }

  @Test
  void renewsATrackedMessageToAFullTimeoutEveryThirdOfTheTimeout() {
    heartbeat.track("rh");

    beat(THIRD.minus(SECOND));
    assertEquals(List.of(), activation.sqs.visibilityChangesOf("rh"));
    beat(SECOND.multipliedBy(2));
    assertEquals(List.of(60), activation.sqs.visibilityChangesOf("rh"));
    beat(THIRD.minus(SECOND));
    assertEquals(List.of(60), activation.sqs.visibilityChangesOf("rh"));
    beat(SECOND.multipliedBy(2));
    assertEquals(List.of(60, 60), activation.sqs.visibilityChangesOf("rh"));
    assertEquals(2, stats.getVisibilityExtensions());
  }

  @Test
  void checksAtLeastTwicePerRenewalIntervalSoNoRenewalIsLateByMoreThanHalfAnInterval() {
    assertEquals(THIRD, activation.settings.heartbeatInterval());
    assertTrue(activation.timer.period() <= THIRD.toMillis() / 2);
  }

  @Test
  void anUntrackedMessageIsNoLongerRenewed() {
    heartbeat.track("done");
    heartbeat.untrack("done");

    beat(TestActivation.VISIBILITY);
    assertEquals(List.of(), activation.sqs.visibilityChanges);
  }

  @Test
  void aFailedRenewalIsCountedAndTriedAgainOnTheNextBeat() {
    heartbeat.track("rh");
    activation.sqs.failVisibilityChanges(1);

    beat(THIRD.plus(SECOND));
    assertEquals(List.of(), activation.sqs.visibilityChangesOf("rh"));
    assertEquals(1, stats.getQueueErrors());
    beat(Duration.ZERO);
    assertEquals(List.of(60), activation.sqs.visibilityChangesOf("rh"));
  }

  @Test
  void keepsTheMessageOfALongRunningBeanHiddenUntilItIsDeleted() throws UnavailableException {
    TestActivation running = new TestActivation(1);
    try (running) {
      running.beans.hold("long");
      running.sqs.send("long", "g");
      running.start();
      eventually().until(() -> running.beans.started.contains("long"));

      for (int beat = 1; beat <= 3; beat++) {
        running.clock.advance(THIRD.plus(SECOND));
        running.timer.tick();
      }
      assertEquals(List.of(60, 60, 60), running.sqs.visibilityChangesOf(receiptHandle("long", 1)));

      running.beans.finish("long");
      eventually().until(() -> running.stats().getAcknowledged() == 1);
      running.clock.advance(TestActivation.VISIBILITY);
      running.timer.tick();
      assertEquals(3, running.sqs.visibilityChanges.size());
    }
  }

  private void beat(Duration after) {
    activation.clock.advance(after);
    activation.timer.tick();
  }
}
