package dev.pao.request.infra;

import dev.pao.queue.infra.SqsSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The dead-letter queue as the request lifecycle needs it: which requests have a message there
 * (they are stuck), and removing a request's messages when it is aborted. A scan holds the messages
 * it looked at invisible only until it ends, then releases the ones it keeps.
 */
@ApplicationScoped
public class DeadLetterQueue {
  private static final int MAX_RECEIVES = 20;

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  /** The requests (message groups) that have a message in the DLQ. */
  public Set<UUID> stuckRequests() {
    Set<UUID> requests = new LinkedHashSet<>();
    scan(null).forEach(message -> groupOf(message).ifPresent(requests::add));
    return requests;
  }

  /** Deletes the request's messages from the DLQ; answers how many were removed. */
  public int remove(UUID requestId) {
    return scan(requestId).size();
  }

  /**
   * Receives what the DLQ holds; deletes the messages of {@code deleteGroup}, releases the rest.
   */
  private List<Message> scan(UUID deleteGroup) {
    List<Message> seen = new ArrayList<>();
    List<Message> matched = new ArrayList<>();
    try {
      for (int i = 0; i < MAX_RECEIVES; i++) {
        List<Message> batch =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(settings.dlqUrl())
                            .maxNumberOfMessages(10)
                            .visibilityTimeout(30)
                            .waitTimeSeconds(0)
                            .messageSystemAttributeNames(
                                MessageSystemAttributeName.MESSAGE_GROUP_ID)
                            .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5))))
                .messages();
        if (batch.isEmpty()) {
          break;
        }
        seen.addAll(batch);
      }
    } finally {
      for (Message message : seen) {
        boolean delete =
            deleteGroup != null && groupOf(message).filter(deleteGroup::equals).isPresent();
        if (delete) {
          sqs.deleteMessage(
              r -> r.queueUrl(settings.dlqUrl()).receiptHandle(message.receiptHandle()));
          matched.add(message);
        } else {
          sqs.changeMessageVisibility(
              r ->
                  r.queueUrl(settings.dlqUrl())
                      .receiptHandle(message.receiptHandle())
                      .visibilityTimeout(0));
        }
      }
    }
    return deleteGroup == null ? seen : matched;
  }

  private static java.util.Optional<UUID> groupOf(Message message) {
    String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    try {
      return group == null
          ? java.util.Optional.empty()
          : java.util.Optional.of(UUID.fromString(group));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
