package dev.pao.testing;

import dev.pao.audit.application.AuditLog;
import dev.pao.audit.domain.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An audit log that keeps the appended events in memory. */
public final class RecordingAuditLog extends AuditLog {
  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public void append(AuditEvent event) {
    events.add(event);
  }

  @Override
  public List<AuditEvent> trail(UUID requestId) {
    return events.stream().filter(e -> requestId.equals(e.requestId())).toList();
  }

  public List<AuditEvent> events() {
    return List.copyOf(events);
  }

  public List<String> types() {
    return events.stream().map(AuditEvent::eventType).toList();
  }
}
