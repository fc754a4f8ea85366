package dev.pao.queue.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A message taken from the action queue, decoded: its {@code type} picks the {@link
 * QueueMessageHandler}; {@code body} is the whole JSON document (snake_case keys, including {@code
 * type}). The rest comes from the queue.
 *
 * @param type what kind of work the message asks for, e.g. {@value ActionMessage#TYPE}
 * @param body the decoded JSON body
 * @param messageId the queue's id of the message
 * @param groupId the FIFO message group (the request id for action messages)
 * @param deduplicationId the FIFO deduplication id the sender gave
 * @param deliveryCount how often the queue has handed the message out, this time included
 * @param sentAt when the message was sent
 */
public record QueueMessage(
    String type,
    Map<String, Object> body,
    String messageId,
    String groupId,
    String deduplicationId,
    int deliveryCount,
    Instant sentAt) {

  /**
   * The body field with the sender's trace context (W3C {@code traceparent}, {@code tracestate}).
   */
  public static final String TRACE_CONTEXT = "trace_context";

  public QueueMessage {
    body = Map.copyOf(body);
  }

  /** The correlation id the sender put in the body, if any. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(body.get("correlation_id")).map(Object::toString);
  }

  /** The trace context the sender put in the body, or an empty map. */
  public Map<?, ?> traceContext() {
    return body.get(TRACE_CONTEXT) instanceof Map<?, ?> fields ? fields : Map.of();
  }

  /** The request the message is about ({@code request_id}), if it names one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(body.get("request_id")).map(Object::toString);
  }

  /** Whether the queue handed this message out before. */
  public boolean redelivered() {
    return deliveryCount > 1;
  }
}
