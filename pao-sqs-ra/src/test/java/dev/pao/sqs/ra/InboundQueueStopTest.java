package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InboundQueueStopTest {
  private final TestActivation activation = new TestActivation(3);

  @AfterEach
  void stop() {
    activation.close();
  }

  @Test
  void stopWaitsForTheMessagesInProgressAndDeletesThemBeforeReturning() throws Exception {
    MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
    ObjectName counters =
        ObjectName.getInstance(
            "dev.pao.sqs:type=InboundQueue,name=" + activation.settings.queueName());
    activation.beans.hold("slow-1");
    activation.beans.hold("slow-2");
    activation.sqs.send("slow-1", "a");
    activation.sqs.send("slow-2", "b");
    activation.start();
    assertTrue(jmx.isRegistered(counters));
    eventually().until(() -> activation.beans.started.size() == 2);

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(activation.queue::stop);
    eventually().until(() -> !activation.queue.running());
    eventually().during(Duration.ofMillis(100)).until(() -> !stopping.isDone());
    activation.beans.finish("slow-1");
    activation.beans.finish("slow-2");
    stopping.get(5, TimeUnit.SECONDS);

    assertEquals(
        Set.of(receiptHandle("slow-1", 1), receiptHandle("slow-2", 1)), activation.sqs.deleted);
    assertEquals(2, activation.stats().getAcknowledged());
    assertTrue(activation.queue.pollersFinished());
    assertTrue(activation.sqs.closed());
    assertFalse(jmx.isRegistered(counters));
    assertEquals(3, activation.beans.released.get(), "every poller released its endpoint");
  }

  @Test
  void noPollerReceivesAfterStopReturned() throws Exception {
    activation.start();
    eventually().until(() -> activation.sqs.receives.size() >= 3);

    activation.queue.stop();
    int receives = activation.sqs.receives.size();
    activation.sqs.send("after-stop", "g");

    eventually()
        .during(Duration.ofMillis(50))
        .until(() -> activation.sqs.receives.size() == receives);
    assertEquals(1, activation.sqs.visibleCount());
  }
}
