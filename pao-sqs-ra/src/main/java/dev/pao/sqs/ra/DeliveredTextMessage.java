package dev.pao.sqs.ra;

import com.amazon.sqs.javamessaging.message.SQSTextMessage;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The JMS message a bean gets. Its JMS delivery time is writable: a bean that sets it before
 * throwing asks for the message not to be delivered again before then (the SQS JMS library's own
 * message ignores the header).
 */
final class DeliveredTextMessage extends SQSTextMessage {
  private volatile long deliveryTime;

  DeliveredTextMessage(String queueUrl, Message message) throws JMSException {
    super(NoOpAcknowledger.INSTANCE, queueUrl, message);
  }

  @Override
  public long getJMSDeliveryTime() {
    return deliveryTime;
  }

  @Override
  public void setJMSDeliveryTime(long deliveryTime) {
    this.deliveryTime = deliveryTime;
  }
}
