package dev.pao.queue.worker;

import dev.pao.queue.domain.QueueMessage;
import dev.pao.shared.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.Map;

/** Turns the adapter's JMS text message into a {@link QueueMessage}; anything else is refused. */
@ApplicationScoped
public class QueueMessageDecoder {
  static final String GROUP_ID = "JMSXGroupID";
  static final String DELIVERY_COUNT = "JMSXDeliveryCount";
  static final String DEDUPLICATION_ID = "JMS_SQS_DeduplicationId";

  public QueueMessage decode(Message message) {
    try {
      if (!(message instanceof TextMessage text)) {
        throw new MessageNotProcessedException("Not a text message: " + message, null);
      }
      Map<String, Object> body = parse(text.getText());
      if (!(body.get("type") instanceof String type)) {
        throw new MessageNotProcessedException("Message body without a string 'type'", null);
      }
      return new QueueMessage(
          type,
          body,
          stripIdPrefix(message.getJMSMessageID()),
          message.getStringProperty(GROUP_ID),
          message.getStringProperty(DEDUPLICATION_ID),
          message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1,
          message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null);
    } catch (JMSException e) {
      throw new MessageNotProcessedException("Unreadable message", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    try {
      Object parsed = text == null ? null : Jsons.PLAIN.fromJson(text, Object.class);
      if (parsed instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    } catch (JsonbException e) {
      throw new MessageNotProcessedException("Message body is not JSON", e);
    }
    throw new MessageNotProcessedException("Message body is not a JSON object", null);
  }

  private static String stripIdPrefix(String jmsMessageId) {
    return jmsMessageId != null && jmsMessageId.startsWith("ID:")
        ? jmsMessageId.substring(3)
        : jmsMessageId;
  }
}
