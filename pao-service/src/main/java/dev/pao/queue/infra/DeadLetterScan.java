package dev.pao.queue.infra;

import dev.pao.queue.domain.QueueUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One look at the dead-letter queue: receives messages (hiding them for at most {@value
 * #HOLD_SECONDS} s), deletes some, keeps some for the caller, and releases the rest at once when it
 * ends.
 */
final class DeadLetterScan {
  static final int HOLD_SECONDS = 30;
  private static final Logger LOG = Logger.getLogger(DeadLetterScan.class.getName());
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final SqsClient sqs;
  private final String dlqUrl;
  private final List<Message> received = new ArrayList<>();
  private final List<Message> settled = new ArrayList<>();

  DeadLetterScan(SqsClient sqs, String dlqUrl) {
    this.sqs = sqs;
    this.dlqUrl = dlqUrl;
  }

  /**
   * Receives until {@code limit} messages are held, the queue answers empty twice, or a message
   * matching {@code stopAt} arrives.
   *
   * @throws QueueUnavailableException when the queue cannot be reached
   */
  void receive(int limit, Predicate<Message> stopAt) {
    int emptyAnswers = 0;
    while (received.size() < limit && emptyAnswers < 2) {
      int batch = Math.min(10, limit - received.size());
      List<Message> answer;
      try {
        answer =
            sqs.receiveMessage(
                    r ->
                        r.queueUrl(dlqUrl)
                            .maxNumberOfMessages(batch)
                            .waitTimeSeconds(0)
                            .visibilityTimeout(HOLD_SECONDS)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)))
                .messages();
      } catch (SdkException e) {
        throw new QueueUnavailableException("The queue is unreachable", e);
      }
      if (answer.isEmpty()) {
        emptyAnswers++;
      } else {
        received.addAll(answer);
        if (answer.stream().anyMatch(stopAt)) {
          return;
        }
      }
    }
  }

  List<Message> received() {
    return List.copyOf(received);
  }

  /** Deletes a received message. */
  void delete(Message message) {
    sqs.deleteMessage(r -> r.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
    settled.add(message);
  }

  /** Leaves a received message hidden for the caller. */
  void keep(Message message) {
    settled.add(message);
  }

  /** Releases every received message neither deleted nor kept. */
  void releaseAll() {
    List<String> handles = new ArrayList<>();
    for (Message message : received) {
      if (!settled.contains(message)) {
        handles.add(message.receiptHandle());
      }
    }
    release(sqs, dlqUrl, handles);
  }

  static void release(SqsClient sqs, String dlqUrl, List<String> receiptHandles) {
    for (int from = 0; from < receiptHandles.size(); from += 10) {
      List<String> chunk = receiptHandles.subList(from, Math.min(receiptHandles.size(), from + 10));
      List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        entries.add(
            ChangeMessageVisibilityBatchRequestEntry.builder()
                .id(String.valueOf(i))
                .receiptHandle(chunk.get(i))
                .visibilityTimeout(0)
                .build());
      }
      try {
        sqs.changeMessageVisibilityBatch(r -> r.queueUrl(dlqUrl).entries(entries));
      } catch (SdkException e) {
        LOG.log(
            Level.WARNING,
            "Could not release {0} dead letter(s); they reappear within {1} s: {2}",
            new Object[] {chunk.size(), HOLD_SECONDS, e.getMessage()});
      }
    }
  }
}
