package dev.pao.queue.domain;

/**
 * The port behind the message-driven bean: handles every queue message of one {@link #type()}.
 * Implementations are CDI beans; the dispatcher finds them by type at start-up (two handlers for
 * one type stop the deployment).
 *
 * <p>Contract: return normally when the message is done with - processed, or found already
 * processed (a redelivery is normal, never an error), or failed for a reason of its own that is
 * recorded and waits for a person. The message is then acknowledged and deleted. Throw when the
 * outcome is unknown (an infrastructure error, a crash of a dependency): the message is left for
 * redelivery and, after the queue's {@code maxReceiveCount} receives, moves to the dead-letter
 * queue. Throw a {@link RedeliverLaterException} to keep the message hidden for a while first (a
 * back-off while a dependency is down). A message may be delivered more than once; handlers must be
 * idempotent. Messages of one group arrive one at a time, in order.
 *
 * <p>The request runner plugs in as the handler of {@value ActionMessage#TYPE} messages (decoding
 * the body with {@link ActionMessage#from(QueueMessage)}); until it exists, action messages find no
 * handler and stay on the queue.
 */
public interface QueueMessageHandler {
  /** The message {@code type} this handler takes. */
  String type();

  /** Handles one message; throwing leaves it for redelivery. */
  void handle(QueueMessage message);
}
