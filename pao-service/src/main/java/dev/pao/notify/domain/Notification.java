package dev.pao.notify.domain;

import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One notification of one event to one recipient on one channel, written in the transaction of the
 * status change it reports on and sent afterwards by the relay. Its {@link #eventKey} names the
 * transition and is what receivers de-duplicate by (the e-mail's {@code Message-ID}, the webhook's
 * {@code X-PAO-Delivery}): a send repeated after a crash between sending and committing carries the
 * same key. The payload is rendered when the row is written, so it tells the request as it was at
 * the change.
 */
@Entity
@Table(name = "notifications")
public class Notification {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "request_id", nullable = false)
  private UUID requestId;

  @Column(nullable = false)
  private String event;

  @Column(name = "event_key", nullable = false)
  private String eventKey;

  @Column(nullable = false)
  private String channel;

  @Column(nullable = false)
  private String recipient;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false)
  private Map<String, Object> payload;

  @Column(nullable = false)
  private String status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Notification() {}

  /** A pending notification, due at once. */
  public Notification(
      UUID requestId,
      String event,
      String eventKey,
      Channel channel,
      String recipient,
      Map<String, Object> payload,
      Instant now) {
    this.requestId = requestId;
    this.event = event;
    this.eventKey = eventKey;
    this.channel = channel.wireName();
    this.recipient = recipient;
    this.payload = new LinkedHashMap<>(payload);
    this.status = NotificationStatus.PENDING.wireName();
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Records a delivery. */
  public void markSent(Instant now) {
    attempts++;
    status = NotificationStatus.SENT.wireName();
    sentAt = now;
    lastError = null;
  }

  /** Records that the channel is not configured: nothing was sent, and nothing is owed. */
  public void markSkipped(String why, Instant now) {
    status = NotificationStatus.SKIPPED.wireName();
    lastError = why;
    sentAt = now;
  }

  /** Records a failed send; the relay tries again at {@code retryAt}. */
  public void markAttemptFailed(String error, Instant retryAt) {
    attempts++;
    lastError = error;
    nextAttemptAt = retryAt;
  }

  /** Records the last failed send: the relay gives the notification up. */
  public void giveUp(String error) {
    attempts++;
    lastError = error;
    status = NotificationStatus.FAILED.wireName();
  }

  public Long id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  /** The event, e.g. {@code request.failed}. */
  public String event() {
    return event;
  }

  public String eventKey() {
    return eventKey;
  }

  public Channel channel() {
    return Channel.fromWireName(channel);
  }

  public String recipient() {
    return recipient;
  }

  public Map<String, Object> payload() {
    return Collections.unmodifiableMap(payload);
  }

  public NotificationStatus status() {
    return NotificationStatus.fromWireName(status);
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
