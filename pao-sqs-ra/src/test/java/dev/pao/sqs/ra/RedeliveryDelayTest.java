package dev.pao.sqs.ra;

import static dev.pao.sqs.ra.FakeSqs.receiptHandle;
import static dev.pao.sqs.ra.TestActivation.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.resource.spi.UnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bean that sets the message's JMS delivery time before throwing gets it back no earlier. */
class RedeliveryDelayTest {
  private TestActivation activation;

  @AfterEach
  void stop() {
    activation.close();
  }

  @Test
  void aBeanThatAsksForALaterDeliveryKeepsItsMessageHiddenThatLong() throws UnavailableException {
    List<Integer> hidden = hiddenAfterFailure(Duration.ofSeconds(90));

    assertEquals(List.of(90), hidden);
  }

  @Test
  void aDeliveryTimeWithinTheDefaultDelayKeepsTheDefault() throws UnavailableException {
    List<Integer> hidden = hiddenAfterFailure(Duration.ofMillis(500));

    assertEquals(List.of((int) TestActivation.REDELIVERY_DELAY.toSeconds()), hidden);
  }

  @Test
  void noMessageStaysHiddenLongerThanSqsAllowsAfterAReceive() throws UnavailableException {
    List<Integer> hidden = hiddenAfterFailure(Duration.ofDays(2));

    assertEquals(List.of((int) Duration.ofHours(12).minusMinutes(1).toSeconds()), hidden);
  }

  /** The visibility changes of a message whose bean asked for {@code later} and then threw. */
  private List<Integer> hiddenAfterFailure(Duration later) throws UnavailableException {
    activation = new TestActivation(1);
    activation.beans.handleMessage(
        message -> {
          deliverNoEarlierThan(message, activation.clock.millis() + later.toMillis());
          throw new IllegalStateException("dependency down");
        });
    activation.sqs.send("m", "g");
    activation.start();

    eventually().until(() -> activation.stats().getReleased() == 1);
    activation.queue.stop();
    return activation.sqs.visibilityChangesOf(receiptHandle("m", 1));
  }

  private static void deliverNoEarlierThan(Message message, long epochMillis) {
    try {
      message.setJMSDeliveryTime(epochMillis);
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
