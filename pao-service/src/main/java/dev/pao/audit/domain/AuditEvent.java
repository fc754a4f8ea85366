package dev.pao.audit.domain;

import dev.pao.shared.persistence.JsonObjectConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An immutable record of something that happened: who (a user or the system) did what, to which
 * request, under which correlation id, and why. The entity offers no way to change an event once
 * built, and the table refuses updates and deletes; only the retention purge ({@code
 * audit_events_purge}) removes events older than the retention period.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "correlation_id", updatable = false)
  private String correlationId;

  @Column(name = "request_id", updatable = false)
  private UUID requestId;

  @Column(name = "event_type", nullable = false, updatable = false)
  private String eventType;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(name = "actor_type", nullable = false, updatable = false)
  private String actorType;

  @Column(name = "from_status", updatable = false)
  private String fromStatus;

  @Column(name = "to_status", updatable = false)
  private String toStatus;

  @Column(updatable = false)
  private String reason;

  @Convert(converter = JsonObjectConverter.class)
  @Column(nullable = false, updatable = false)
  private Map<String, Object> payload;

  protected AuditEvent() {}

  public AuditEvent(
      String eventType,
      Actor actor,
      UUID requestId,
      String correlationId,
      Transition transition,
      Map<String, Object> payload,
      Instant now) {
    this.eventType = eventType;
    this.actor = actor.name();
    this.actorType = actor.system() ? "system" : "user";
    this.requestId = requestId;
    this.correlationId = correlationId;
    this.fromStatus = transition == null ? null : transition.from();
    this.toStatus = transition == null ? null : transition.to();
    this.reason = transition == null ? null : transition.reason();
    this.payload = new LinkedHashMap<>(payload);
    this.occurredAt = now;
  }

  /**
   * This event, or a copy stamped one millisecond after {@code previous} when it would not sort
   * after it: the events of one transaction keep the order they were appended in ({@code
   * occurred_at} orders a trail; the persistence provider keeps milliseconds of it).
   */
  public AuditEvent after(Instant previous) {
    if (previous == null
        || occurredAt
            .truncatedTo(ChronoUnit.MILLIS)
            .isAfter(previous.truncatedTo(ChronoUnit.MILLIS))) {
      return this;
    }
    AuditEvent later = new AuditEvent();
    later.eventType = eventType;
    later.actor = actor;
    later.actorType = actorType;
    later.requestId = requestId;
    later.correlationId = correlationId;
    later.fromStatus = fromStatus;
    later.toStatus = toStatus;
    later.reason = reason;
    later.payload = payload;
    later.occurredAt = previous.truncatedTo(ChronoUnit.MILLIS).plus(1, ChronoUnit.MILLIS);
    return later;
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String eventType() {
    return eventType;
  }

  public Actor actor() {
    return new Actor(actor, "system".equals(actorType));
  }

  public UUID requestId() {
    return requestId;
  }

  public String correlationId() {
    return correlationId;
  }

  public Transition transition() {
    return fromStatus == null && toStatus == null
        ? null
        : new Transition(fromStatus, toStatus, reason);
  }

  public Map<String, Object> payload() {
    return Map.copyOf(payload);
  }

  /** Who caused an event: a user (by e-mail) or the system (by component name). */
  public record Actor(String name, boolean system) {
    public static Actor user(String email) {
      return new Actor(email, false);
    }

    public static Actor system(String component) {
      return new Actor(component, true);
    }
  }

  /** A status change an event records. */
  public record Transition(String from, String to, String reason) {}
}
