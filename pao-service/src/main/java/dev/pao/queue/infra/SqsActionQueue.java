package dev.pao.queue.infra;

import dev.pao.queue.domain.ActionQueue;
import dev.pao.queue.domain.QueueUnavailableException;
import dev.pao.shared.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link ActionQueue} on the FIFO queue of {@link SqsSettings}, through the application's client.
 */
@ApplicationScoped
public class SqsActionQueue implements ActionQueue {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  @Inject SqsClient sqs;
  @Inject SqsSettings settings;

  @Override
  public String send(String messageGroupId, String deduplicationId, Map<String, Object> body) {
    requireType(body);
    try {
      return sqs.sendMessage(
              r ->
                  r.queueUrl(settings.queueUrl())
                      .messageGroupId(messageGroupId)
                      .messageDeduplicationId(deduplicationId)
                      .messageBody(Jsons.PLAIN.toJson(body))
                      .overrideConfiguration(o -> o.apiCallTimeout(SEND_TIMEOUT)))
          .messageId();
    } catch (SdkException e) {
      throw new QueueUnavailableException("Could not send to the action queue", e);
    }
  }

  /** One SendMessageBatch call; entries are numbered by their place in {@code messages}. */
  @Override
  public List<Outcome> sendAll(List<Outgoing> messages) {
    Outcome[] outcomes = new Outcome[messages.size()];
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Outgoing message = messages.get(i);
      try {
        requireType(message.body());
      } catch (IllegalArgumentException e) {
        outcomes[i] = Outcome.refused(e.getMessage());
        continue;
      }
      entries.add(
          SendMessageBatchRequestEntry.builder()
              .id(String.valueOf(i))
              .messageGroupId(message.messageGroupId())
              .messageDeduplicationId(message.deduplicationId())
              .messageBody(Jsons.PLAIN.toJson(message.body()))
              .build());
    }
    if (!entries.isEmpty()) {
      try {
        SendMessageBatchResponse answer =
            sqs.sendMessageBatch(
                r ->
                    r.queueUrl(settings.queueUrl())
                        .entries(entries)
                        .overrideConfiguration(o -> o.apiCallTimeout(SEND_TIMEOUT)));
        answer
            .successful()
            .forEach(ok -> outcomes[Integer.parseInt(ok.id())] = Outcome.sent(ok.messageId()));
        for (BatchResultErrorEntry failed : answer.failed()) {
          String why = failed.code() + ": " + failed.message();
          outcomes[Integer.parseInt(failed.id())] =
              Boolean.TRUE.equals(failed.senderFault())
                  ? Outcome.refused(why)
                  : Outcome.unavailable("The action queue did not take the message: " + why);
        }
      } catch (SdkException e) {
        return upToUnavailable(
            outcomes,
            QueueUnavailableException.describe(
                new QueueUnavailableException("Could not send to the action queue", e)));
      }
    }
    return upToUnavailable(outcomes, "The action queue did not answer for the message");
  }

  /** The outcomes in order, ending at the first unavailable (or unanswered) message. */
  private static List<Outcome> upToUnavailable(Outcome[] outcomes, String unanswered) {
    List<Outcome> ordered = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      Outcome known = outcome == null ? Outcome.unavailable(unanswered) : outcome;
      ordered.add(known);
      if (known.unavailable() != null) {
        break;
      }
    }
    return ordered;
  }

  private static void requireType(Map<String, Object> body) {
    if (!(body.get("type") instanceof String)) {
      throw new IllegalArgumentException("A queue message body needs a string 'type'");
    }
  }
}
