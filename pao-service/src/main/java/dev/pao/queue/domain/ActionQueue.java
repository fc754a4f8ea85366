package dev.pao.queue.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The producer side of the action queue, used by the outbox relay: sends messages to the FIFO queue
 * over the same SQS configuration the message-driven side uses.
 */
public interface ActionQueue {
  /** The most messages {@link #sendAll} takes in one call (SQS's batch limit). */
  int MAX_BATCH = 10;

  /**
   * Sends a message and answers the queue's message id.
   *
   * @param messageGroupId the FIFO group (the request id): messages of one group are delivered one
   *     at a time, in the order sent
   * @param deduplicationId the FIFO deduplication id (request id + action index + attempt): a send
   *     repeated within the queue's deduplication window is absorbed and answers the first id
   * @param body the JSON body; must carry a {@code type} (see {@link QueueMessageHandler})
   * @throws QueueUnavailableException when the queue cannot be reached or refuses the message;
   *     nothing was sent, or a repeat with the same deduplication id is absorbed
   * @throws IllegalArgumentException when the body can never be sent (no {@code type})
   */
  String send(String messageGroupId, String deduplicationId, Map<String, Object> body);

  /** One message to send. */
  record Outgoing(String messageGroupId, String deduplicationId, Map<String, Object> body) {}

  /**
   * What became of one message of {@link #sendAll}: sent (with the queue's id), refused for good
   * (it can never be sent), or not sent because the queue failed.
   */
  record Outcome(String messageId, String refusal, String unavailable) {
    public static Outcome sent(String messageId) {
      return new Outcome(messageId, null, null);
    }

    public static Outcome refused(String why) {
      return new Outcome(null, why, null);
    }

    public static Outcome unavailable(String why) {
      return new Outcome(null, null, why);
    }

    public boolean isSent() {
      return messageId != null;
    }
  }

  /**
   * Sends up to {@link #MAX_BATCH} messages of distinct groups in one call, in order. Answers one
   * outcome per message, in the same order, ending at the first {@code unavailable} one (what
   * follows it was not sent, or is absorbed as a repeat when sent again).
   */
  default List<Outcome> sendAll(List<Outgoing> messages) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Outgoing message : messages) {
      try {
        outcomes.add(
            Outcome.sent(
                send(message.messageGroupId(), message.deduplicationId(), message.body())));
      } catch (IllegalArgumentException e) {
        outcomes.add(Outcome.refused(e.getMessage()));
      } catch (QueueUnavailableException e) {
        outcomes.add(Outcome.unavailable(QueueUnavailableException.describe(e)));
        break;
      }
    }
    return outcomes;
  }
}
