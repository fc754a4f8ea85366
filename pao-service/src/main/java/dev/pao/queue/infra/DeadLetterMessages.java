package dev.pao.queue.infra;

import dev.pao.queue.domain.DeadLetter;
import dev.pao.queue.domain.HeldDeadLetter;
import dev.pao.shared.json.Jsons;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** Reads SQS messages of the dead-letter queue into the domain's dead-letter records. */
final class DeadLetterMessages {
  private DeadLetterMessages() {}

  static String groupId(Message message) {
    return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  static HeldDeadLetter held(Message message) {
    return new HeldDeadLetter(
        message.messageId(), groupId(message), message.body(), message.receiptHandle());
  }

  static DeadLetter view(Message message) {
    Map<MessageSystemAttributeName, String> attributes = message.attributes();
    return new DeadLetter(
        message.messageId(),
        groupId(message),
        body(message.body()),
        Integer.parseInt(
            attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
        epochMillis(attributes.get(MessageSystemAttributeName.SENT_TIMESTAMP)),
        epochMillis(
            attributes.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(String text) {
    try {
      if (Jsons.PLAIN.fromJson(text, Object.class) instanceof Map<?, ?> map) {
        return (Map<String, Object>) map;
      }
    } catch (JsonbException notJson) {
      // Shown raw below.
    }
    return Map.of("raw", text == null ? "" : text);
  }

  private static Instant epochMillis(String value) {
    return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value));
  }
}
