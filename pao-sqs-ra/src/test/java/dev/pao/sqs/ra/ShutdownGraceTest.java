package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stop whose shutdown grace runs out while beans still work: each message ends either deleted
 * (its bean returned, so its work committed) or released at once (its bean threw, so its work
 * rolled back), never both; a bean that does neither keeps its message hidden.
 */
class ShutdownGraceTest {
  private static final Duration NO_GRACE = Duration.ZERO;

  private final CapturedLog log = CapturedLog.of(InboundQueue.class);
  private TestActivation activation;

  @AfterEach
  void stop() {
    activation.close();
    log.close();
  }

  @Test
  void aBeanThatThrowsWhenInterruptedHasItsMessageReleasedAtOnceAndNotDeleted() throws Exception {
    activation = new TestActivation(2, NO_GRACE, Duration.ofSeconds(1));
    activation.beans.hold("slow");
    activation.beans.handle(
        body -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted: the transaction rolls back");
          }
        });
    activation.sqs.send("slow", "g");
    activation.start();
    eventually().until(() -> activation.beans.started.contains("slow"));

    activation.queue.stop();

    assertEquals(List.of(0), activation.sqs.visibilityChangesOf(receiptHandle("slow", 1)));
    assertEquals(Set.of(), activation.sqs.deleted);
    assertEquals(List.of(), activation.beans.finished);
    assertEquals(1, activation.stats().getReleased());
    assertEquals(0, activation.stats().getInFlight());
    assertEquals(1, log.at(Level.INFO, "Interrupted 1 message(s)").size());
  }

  @Test
  void aBeanThatReturnsAfterTheInterruptHasItsMessageDeletedBeforeStopReturns() throws Exception {
    activation = new TestActivation(2, NO_GRACE, Duration.ofSeconds(1));
    activation.beans.hold("slow");
    activation.sqs.send("slow", "g");
    activation.start();
    eventually().until(() -> activation.beans.started.contains("slow"));

    activation.queue.stop();

    assertEquals(List.of("slow"), activation.beans.finished);
    assertEquals(Set.of(receiptHandle("slow", 1)), activation.sqs.deleted);
    assertEquals(List.of(), activation.sqs.visibilityChanges, "never released");
    assertEquals(1, activation.stats().getAcknowledged());
  }

  @Test
  void aBeanFinishingWithinTheGraceIsNotInterrupted() throws Exception {
    activation = new TestActivation(1, Duration.ofSeconds(5), Duration.ofSeconds(1));
    activation.beans.hold("slow");
    activation.beans.handle(
        body -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("interrupted");
          }
        });
    activation.sqs.send("slow", "g");
    activation.start();
    eventually().until(() -> activation.beans.started.contains("slow"));

    Thread stopping = new Thread(activation.queue::stop);
    stopping.start();
    eventually().until(() -> !activation.queue.running());
    activation.beans.finish("slow");
    stopping.join(Duration.ofSeconds(5).toMillis());

    assertEquals(List.of("slow"), activation.beans.finished);
    assertEquals(Set.of(receiptHandle("slow", 1)), activation.sqs.deleted);
    assertEquals(List.of(), log.at(Level.INFO, "Interrupted"));
  }

  @Test
  void aBeanThatIgnoresTheInterruptKeepsItsMessageHiddenAndStopStillReturns() throws Exception {
    activation = new TestActivation(1, NO_GRACE, Duration.ZERO);
    activation.queue.afterInterruptWaitAtMost(Duration.ofMillis(50));
    CountDownLatch endless = new CountDownLatch(1);
    activation.beans.handle(body -> awaitIgnoringInterrupts(endless));
    activation.sqs.send("stubborn", "g");
    activation.start();
    eventually().until(() -> activation.beans.started.contains("stubborn"));

    try {
      activation.queue.stop();

      assertEquals(List.of(), activation.sqs.visibilityChanges, "not released: it might commit");
      assertEquals(Set.of(), activation.sqs.deleted);
      assertEquals(1, activation.stats().getInFlight());
      assertEquals(1, log.at(Level.WARNING, "1 message(s) of").size());
      assertTrue(activation.sqs.closed());
    } finally {
      endless.countDown();
    }
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    while (latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException ignored) {
        // A bean deaf to interrupts, such as one blocked in a socket read.
      }
    }
  }
}
