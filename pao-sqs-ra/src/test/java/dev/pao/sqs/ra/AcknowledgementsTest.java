package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {
  private static final String NOT_DELETED = "was processed but could not be deleted";

  private final CapturedLog log = CapturedLog.of(Acknowledgements.class);
  private TestActivation activation;

  @AfterEach
  void stop() {
    activation.close();
    log.close();
  }

  @Test
  void deletesTheMessagesOfReturnedBeansInBatchesOfUpToTen() throws UnavailableException {
    activation = new TestActivation(4);
    FakeSqs.Gate firstDelete = activation.sqs.holdNextDelete();
    List<String> handles = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      activation.sqs.send("m" + i, "group-" + i);
      handles.add(receiptHandle("m" + i, 1));
    }
    activation.start();

    eventually().until(firstDelete::arrived);
    eventually().until(() -> activation.beans.finished.size() == 14);
    firstDelete.open();
    eventually().until(() -> activation.stats().getAcknowledged() == 14);

    List<List<String>> calls = activation.sqs.deleteCalls;
    assertTrue(calls.stream().allMatch(batch -> batch.size() <= 10), calls::toString);
    assertTrue(calls.stream().anyMatch(batch -> batch.size() > 1), calls::toString);
    List<String> sent = calls.stream().flatMap(List::stream).toList();
    assertEquals(Set.copyOf(handles), new HashSet<>(sent));
    assertEquals(14, sent.size(), "each message deleted once");
  }

  @Test
  void aFailedDeleteIsRetriedWithBackOffUntilItGoesThrough() throws UnavailableException {
    activation = new TestActivation(1);
    activation.sqs.failDeletes(2);
    activation.sqs.send("m", "g");
    activation.start();

    eventually().until(() -> activation.stats().getAcknowledged() == 1);
    String handle = receiptHandle("m", 1);
    assertEquals(List.of(List.of(handle), List.of(handle), List.of(handle)), calls());
    assertEquals(
        List.of(Duration.ofMillis(250), Duration.ofMillis(500)), activation.pauses.of("acks"));
    assertEquals(2, activation.stats().getQueueErrors());
    assertEquals(List.of(), log.at(Level.WARNING, NOT_DELETED));
  }

  @Test
  void aDeleteThatKeepsFailingIsGivenUpOnceTheMessageWouldReappearAnyway()
      throws UnavailableException {
    activation = new TestActivation(1);
    activation.sqs.failDeletes(-1);
    activation.sqs.send("m", "g");
    activation.start();

    eventually().until(() -> calls().size() >= 3);
    assertEquals(List.of(), log.at(Level.WARNING, NOT_DELETED));
    activation.clock.advance(TestActivation.VISIBILITY.plusSeconds(1));

    eventually().until(() -> log.at(Level.WARNING, NOT_DELETED).size() == 1);
    activation.timer.tick();
    assertEquals(List.of(), activation.sqs.visibilityChanges, "no longer kept hidden");
    assertEquals(0, activation.stats().getAcknowledged());
  }

  @Test
  void anInvalidReceiptHandleIsGivenUpAtOnce() throws UnavailableException {
    activation = new TestActivation(1);
    activation.sqs.rejectDeletes("ReceiptHandleIsInvalid");
    activation.sqs.send("m", "g");
    activation.start();

    eventually().until(() -> log.at(Level.WARNING, NOT_DELETED).size() == 1);
    activation.queue.stop();

    assertEquals(1, calls().size());
    assertTrue(log.at(Level.WARNING, NOT_DELETED).get(0).contains("ReceiptHandleIsInvalid"));
  }

  @Test
  void whileStoppingAFailingDeleteIsTriedThreeTimesThenGivenUp() throws Exception {
    activation = new TestActivation(1);
    activation.sqs.failDeletes(-1);
    activation.beans.hold("m");
    activation.sqs.send("m", "g");
    activation.start();
    eventually().until(() -> activation.beans.started.contains("m"));

    Thread stopping = new Thread(activation.queue::stop);
    stopping.start();
    eventually().until(() -> !activation.queue.running());
    activation.beans.finish("m");
    stopping.join(Duration.ofSeconds(5).toMillis());

    assertEquals(3, calls().size());
    assertEquals(1, log.at(Level.WARNING, NOT_DELETED).size());
  }

  private List<List<String>> calls() {
    return activation.sqs.deleteCalls;
  }
}
