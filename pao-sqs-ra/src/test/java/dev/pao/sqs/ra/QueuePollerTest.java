package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

class QueuePollerTest {
  private TestActivation activation;

  @AfterEach
  void stop() {
    activation.close();
  }

  @Test
  void eachPollerReceivesOneMessageAtATimeSoAtMostOneMessagePerPollerIsInFlight()
      throws UnavailableException {
    activation = new TestActivation(2);
    FakeSqs sqs = activation.sqs;
    FakeBeans beans = activation.beans;
    List.of("a", "b", "c").forEach(beans::hold);
    sqs.send("a", "group-a");
    sqs.send("b", "group-b");
    sqs.send("c", "group-c");
    activation.start();

    eventually().until(() -> beans.started.size() == 2);
    eventually()
        .during(Duration.ofMillis(100))
        .until(() -> beans.started.size() == 2 && sqs.visibleCount() == 1);
    beans.finishAll();
    eventually().until(() -> sqs.deleted.size() == 3);

    for (ReceiveMessageRequest receive : sqs.receives) {
      assertEquals(1, receive.maxNumberOfMessages());
      assertEquals(60, receive.visibilityTimeout());
      assertEquals(1, receive.waitTimeSeconds());
      assertEquals(List.of(MessageSystemAttributeName.ALL), receive.messageSystemAttributeNames());
    }
    assertEquals(Set.of("a", "b", "c"), Set.copyOf(beans.finished));
  }

  @Test
  void deletesAMessageOnlyAfterOnMessageReturnedNormally() throws UnavailableException {
    activation = new TestActivation(1);
    activation.beans.hold("slow");
    activation.sqs.send("slow", "g");
    activation.start();

    eventually().until(() -> activation.beans.started.contains("slow"));
    eventually().during(Duration.ofMillis(100)).until(() -> activation.sqs.deleteCalls.isEmpty());
    assertEquals(1, activation.stats().getInFlight());
    activation.beans.finish("slow");

    eventually().until(() -> activation.stats().getAcknowledged() == 1);
    assertEquals(Set.of(receiptHandle("slow", 1)), activation.sqs.deleted);
    assertEquals(0, activation.stats().getInFlight());
    assertEquals(List.of(), activation.sqs.visibilityChanges);
  }

  static Stream<Supplier<Throwable>> failures() {
    return Stream.of(
        () -> new IllegalStateException("the ticket system said no"),
        () -> new Error("out of something"));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void aThrowingBeanLeavesTheMessageHiddenForTheRedeliveryDelayAndNeverDeletesIt(
      Supplier<Throwable> failure) throws UnavailableException {
    activation = new TestActivation(1);
    activation.beans.handle(
        body -> {
          if (body.equals("bad")) {
            Throwable thrown = failure.get();
            if (thrown instanceof Error error) {
              throw error;
            }
            throw (RuntimeException) thrown;
          }
        });
    activation.sqs.send("bad", "g1");
    activation.sqs.send("good", "g2");
    activation.start();

    eventually().until(() -> activation.sqs.deleted.contains(receiptHandle("good", 1)));
    activation.queue.stop();

    assertEquals(
        List.of((int) TestActivation.REDELIVERY_DELAY.toSeconds()),
        activation.sqs.visibilityChangesOf(receiptHandle("bad", 1)));
    assertEquals(Set.of(receiptHandle("good", 1)), activation.sqs.deleted);
    assertEquals(1, activation.stats().getReleased());
    assertEquals(1, activation.stats().getAcknowledged());
    assertEquals(2, activation.beans.created.get(), "the failed bean's endpoint is replaced");
    assertEquals(2, activation.beans.released.get(), "both endpoints are released by the end");
  }

  @Test
  void aFailedMessageComesBackMarkedRedeliveredAndIsDeletedOnceItsBeanSucceeds()
      throws UnavailableException {
    activation = new TestActivation(1);
    activation.beans.handle(
        body -> {
          if (!activation.beans.redelivered.contains(body)) {
            throw new IllegalStateException("first attempt fails");
          }
        });
    activation.sqs.send("retry-me", "g");
    activation.start();

    eventually().until(() -> activation.stats().getReleased() == 1);
    assertTrue(activation.sqs.deleted.isEmpty());
    activation.sqs.reappear(receiptHandle("retry-me", 1));

    eventually().until(() -> activation.sqs.deleted.contains(receiptHandle("retry-me", 2)));
    assertEquals(List.of("retry-me"), activation.beans.redelivered);
    assertEquals(1, activation.stats().getRedelivered());
    assertEquals(2, activation.stats().getReceived());
  }

  @Test
  void aMessageReceivedWhileStoppingIsPutBackAtOnceWithoutReachingABean() throws Exception {
    activation = new TestActivation(1);
    FakeSqs.Gate receive = activation.sqs.holdReceives();
    activation.sqs.send("late", "g");
    activation.start();
    eventually().until(receive::arrived);

    Thread stopping = new Thread(activation.queue::stop);
    stopping.start();
    eventually().until(() -> !activation.queue.running());
    receive.open();
    stopping.join(Duration.ofSeconds(5).toMillis());

    assertFalse(stopping.isAlive());
    assertEquals(List.of(0), activation.sqs.visibilityChangesOf(receiptHandle("late", 1)));
    assertEquals(List.of(), activation.beans.started);
    assertEquals(1, activation.stats().getReturnedAtStop());
    assertTrue(activation.sqs.deleteCalls.isEmpty());
  }

  @Test
  void aPollerCarriesOnAfterAnUnexpectedFailure() throws UnavailableException {
    activation = new TestActivation(1);
    activation.sqs.failNextReceiveWith(new IllegalStateException("a defect somewhere"));
    activation.sqs.send("after", "g");
    activation.start();

    eventually().until(() -> activation.sqs.deleted.contains(receiptHandle("after", 1)));
    assertTrue(activation.queue.running());
    assertEquals(List.of(Duration.ofMillis(250)), activation.pauses.of("poller-0"));
    assertEquals(1, activation.stats().getQueueErrors());
  }

  @Test
  void anInterruptStatusLeftByABeanDoesNotEndConsuming() throws UnavailableException {
    activation = new TestActivation(1);
    activation.beans.handle(
        body -> {
          if (body.equals("first")) {
            Thread.currentThread().interrupt();
          }
        });
    activation.sqs.send("first", "g");
    activation.start();
    eventually().until(() -> activation.sqs.deleted.contains(receiptHandle("first", 1)));

    activation.sqs.send("second", "g");
    eventually().until(() -> activation.sqs.deleted.contains(receiptHandle("second", 1)));
    assertTrue(activation.queue.running());
    assertEquals(0, activation.stats().getQueueErrors());
  }
}
