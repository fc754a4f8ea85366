package dev.pao.queue.domain;

import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A queue message written in the same transaction as the state change that calls for it, and sent
 * to the FIFO queue afterwards by the outbox relay. Group id = request id; deduplication id = the
 * attempt's {@link AttemptKey}, so a send repeated after a crash is absorbed by the queue. A failed
 * send is counted and its error kept until a send succeeds.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(name = "action_index", nullable = false)
  private int actionIndex;

  @Column(nullable = false)
  private int attempt;

  @Column(name = "message_group_id", nullable = false)
  private String messageGroupId;

  @Column(name = "deduplication_id", nullable = false)
  private String deduplicationId;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> body;

  @Convert(converter = OutboxStatusConverter.class)
  @Column(nullable = false)
  private OutboxStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "send_attempts", nullable = false)
  private int sendAttempts;

  @Column(name = "last_error")
  private String lastError;

  protected OutboxMessage() {}

  private OutboxMessage(
      UUID requestId,
      int actionIndex,
      int attempt,
      String messageGroupId,
      String deduplicationId,
      Map<String, Object> body,
      Instant now) {
    this.requestId = requestId;
    this.actionIndex = actionIndex;
    this.attempt = attempt;
    this.messageGroupId = messageGroupId;
    this.deduplicationId = deduplicationId;
    this.body = new LinkedHashMap<>(body);
    this.status = OutboxStatus.PENDING;
    this.createdAt = now;
  }

  /**
   * The pending message of one attempt of one action: group id = request id, deduplication id = the
   * attempt's {@link AttemptKey}, body = the action message.
   */
  public static OutboxMessage of(ActionMessage message, Instant now) {
    return new OutboxMessage(
        message.requestId(),
        message.actionIndex(),
        message.attempt(),
        message.groupId(),
        message.deduplicationId(),
        message.toBody(),
        now);
  }

  /**
   * The pending continuation of a waiting attempt: same group, deduplication id = the attempt's key
   * plus the check number.
   */
  public static OutboxMessage of(WaitCheckMessage message, Instant now) {
    return new OutboxMessage(
        message.requestId(),
        message.actionIndex(),
        message.attempt(),
        message.groupId(),
        message.deduplicationId(),
        message.toBody(),
        now);
  }

  /**
   * Adds the sender's trace context to the body (see {@link QueueMessage#TRACE_CONTEXT}), so the
   * worker continues the sender's trace however late the relay sends the row.
   */
  public OutboxMessage withTraceContext(Map<String, String> fields) {
    if (!fields.isEmpty()) {
      body.put(QueueMessage.TRACE_CONTEXT, new LinkedHashMap<>(fields));
    }
    return this;
  }

  /** Records a successful send. */
  public void markSent(String queueMessageId, Instant now) {
    status = OutboxStatus.SENT;
    messageId = queueMessageId;
    sentAt = now;
    sendAttempts++;
    lastError = null;
  }

  /** Records a failed send; the relay tries again later. */
  public void markSendFailed(String error) {
    sendAttempts++;
    lastError = error;
  }

  public Long id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  public int actionIndex() {
    return actionIndex;
  }

  public int attempt() {
    return attempt;
  }

  public String messageGroupId() {
    return messageGroupId;
  }

  public String deduplicationId() {
    return deduplicationId;
  }

  public Map<String, Object> body() {
    return Map.copyOf(body);
  }

  public OutboxStatus status() {
    return status;
  }

  public int sendAttempts() {
    return sendAttempts;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String lastError() {
    return lastError;
  }
}
