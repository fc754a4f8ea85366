package dev.pao.queue.domain;

import java.util.Map;

/**
 * The producer side of the action queue, used by the outbox relay: sends one message to the FIFO
 * queue over the same SQS configuration the message-driven side uses.
 */
public interface ActionQueue {
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
   */
  String send(String messageGroupId, String deduplicationId, Map<String, Object> body);
}
