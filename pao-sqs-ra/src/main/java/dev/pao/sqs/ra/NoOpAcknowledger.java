package dev.pao.sqs.ra;

import com.amazon.sqs.javamessaging.acknowledge.Acknowledger;
import com.amazon.sqs.javamessaging.acknowledge.SQSMessageIdentifier;
import com.amazon.sqs.javamessaging.message.SQSMessage;
import java.util.List;

/**
 * The acknowledger behind delivered messages: {@code message.acknowledge()} in a bean does nothing,
 * because the adapter acknowledges (deletes) the message itself once {@code onMessage} returned.
 */
final class NoOpAcknowledger implements Acknowledger {
  static final NoOpAcknowledger INSTANCE = new NoOpAcknowledger();

  private NoOpAcknowledger() {}

  @Override
  public void acknowledge(SQSMessage message) {
    // The adapter deletes the message after onMessage returns normally.
  }

  @Override
  public void notifyMessageReceived(SQSMessage message) {
    // Nothing to track: one message is delivered per endpoint call.
  }

  @Override
  public List<SQSMessageIdentifier> getUnAckMessages() {
    return List.of();
  }

  @Override
  public void forgetUnAckMessages() {
    // Nothing is tracked.
  }
}
