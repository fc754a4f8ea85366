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
 * to the FIFO queue afterwards by the outbox relay. Group id = request id; deduplication id =
 * request id + action index + attempt, so a send repeated after a crash is absorbed by the queue.
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

  @Column(nullable = false)
  private String status;

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

  /** A pending message for one attempt of one action. */
  public OutboxMessage(
      UUID requestId, int actionIndex, int attempt, Map<String, Object> body, Instant now) {
    this.requestId = requestId;
    this.actionIndex = actionIndex;
    this.attempt = attempt;
    this.messageGroupId = requestId.toString();
    this.deduplicationId = requestId + ":" + actionIndex + ":" + attempt;
    this.body = new LinkedHashMap<>(body);
    this.status = "pending";
    this.createdAt = now;
  }

  /** Records a successful send. */
  public void markSent(String queueMessageId, Instant now) {
    status = "sent";
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

  public boolean sent() {
    return "sent".equals(status);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String lastError() {
    return lastError;
  }
}
