package dev.pao.queue.admin;

import dev.pao.queue.infra.SqsSettings;
import dev.pao.shared.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads the dead-letter queue the only way SQS allows, by receiving, and releases what it received
 * at once (visibility 0), so a look hides nothing for longer than the look itself. The DLQ has no
 * further redrive, so the receive counts this raises do no harm.
 */
@ApplicationScoped
public class DeadLetterBrowser {
  static final int MAX_LISTED = 100;
  private static final Logger LOG = Logger.getLogger(DeadLetterBrowser.class.getName());
  private static final int HOLD_SECONDS = 30;

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  /** Up to {@code limit} dead letters, oldest first. */
  public List<DeadLetter> list(int limit) {
    List<Message> held = new ArrayList<>();
    try {
      collect(held, limit, message -> false);
      return held.stream()
          .map(DeadLetterBrowser::view)
          .sorted(
              Comparator.comparing(
                  DeadLetter::sentAt, Comparator.nullsLast(Comparator.naturalOrder())))
          .toList();
    } finally {
      release(held);
    }
  }

  /** Finds one dead letter and keeps it hidden for the caller; all others are released. */
  Optional<Message> hold(String messageId) {
    List<Message> held = new ArrayList<>();
    Predicate<Message> wanted = message -> message.messageId().equals(messageId);
    try {
      collect(held, MAX_LISTED, wanted);
      Optional<Message> found = held.stream().filter(wanted).findFirst();
      found.ifPresent(held::remove);
      return found;
    } finally {
      release(held);
    }
  }

  void delete(Message message) {
    sqs.deleteMessage(r -> r.queueUrl(settings.dlqUrl()).receiptHandle(message.receiptHandle()));
  }

  void release(List<Message> messages) {
    for (int from = 0; from < messages.size(); from += 10) {
      List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(String.valueOf(i))
                .receiptHandle(chunk.get(i).receiptHandle())
                .visibilityTimeout(0)
                .build());
      }
      try {
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(settings.dlqUrl()).entries(entries));
      } catch (SdkException e) {
        LOG.log(
            Level.WARNING,
            "Could not release {0} dead letter(s); they reappear within {1} s: {2}",
            new Object[] {chunk.size(), HOLD_SECONDS, e.getMessage()});
      }
    }
  }

  private void collect(List<Message> held, int limit, Predicate<Message> stopAt) {
    int emptyAnswers = 0;
    while (held.size() < limit && emptyAnswers < 2) {
      int batch = Math.min(10, limit - held.size());
      List<Message> received;
      try {
        received =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(settings.dlqUrl())
                            .maxNumberOfMessages(batch)
                            .waitTimeSeconds(0)
                            .visibilityTimeout(HOLD_SECONDS)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
      } catch (SdkException e) {
        throw QueueStatistics.queueDown();
      }
      if (received.isEmpty()) {
        emptyAnswers++;
      } else {
        held.addAll(received);
        if (received.stream().anyMatch(stopAt)) {
          return;
        }
      }
    }
  }

  static String groupId(Message message) {
    return message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }

  private static DeadLetter view(Message message) {
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
