package dev.pao.audit.api;

import dev.pao.audit.domain.AuditEntry;
import java.util.Map;

/**
 * One audit event as the audit listing and its export show it, with the property names of a
 * request's log ({@code GET /requests/{id}/logs}) plus the event's {@code id} and {@code
 * request_id} (absent for events about no request).
 */
public record AuditEventView(
    long id,
    String occurredAt,
    String eventType,
    String actor,
    String actorType,
    String requestId,
    String correlationId,
    String from,
    String to,
    String reason,
    Map<String, Object> payload) {

  static AuditEventView of(AuditEntry event) {
    return new AuditEventView(
        event.id(),
        event.occurredAt().toString(),
        event.eventType(),
        event.actor(),
        event.actorType(),
        event.requestId() == null ? null : event.requestId().toString(),
        event.correlationId(),
        event.fromStatus(),
        event.toStatus(),
        event.reason(),
        event.payload());
  }
}
