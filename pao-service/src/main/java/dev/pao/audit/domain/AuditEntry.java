package dev.pao.audit.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An audit event as read back for the audit listing and export, of a request or of none ({@code
 * requestId} null).
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String eventType,
    String actor,
    String actorType,
    UUID requestId,
    String correlationId,
    String fromStatus,
    String toStatus,
    String reason,
    Map<String, Object> payload) {

  public AuditEntry {
    payload = payload == null ? Map.of() : payload;
  }
}
