package dev.pao.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {
  private static final Instant T = Instant.parse("2026-12-03T10:00:00.001Z");

  @Test
  void anEventLaterThanThePreviousKeepsItsTime() {
    AuditEvent event = event(T.plusMillis(1));
    assertSame(event, event.after(T));
    assertSame(event, event.after(null));
  }

  @Test
  void anEventAtOrBeforeThePreviousIsStampedOneMillisecondAfterIt() {
    AuditEvent same = event(T).after(T);
    assertEquals(T.plusMillis(1), same.occurredAt());
    assertEquals(T.plusMillis(1), event(T.minusSeconds(1)).after(T).occurredAt());
    // Within the same millisecond counts as the same time: that is what is kept of it.
    assertEquals(T.plusMillis(1), event(T.plusNanos(300_000)).after(T).occurredAt());
  }

  @Test
  void theLaterCopyIsTheSameEventOtherwise() {
    AuditEvent original = event(T);
    AuditEvent copy = original.after(T);
    assertEquals(original.eventType(), copy.eventType());
    assertEquals(original.actor(), copy.actor());
    assertEquals(original.requestId(), copy.requestId());
    assertEquals(original.correlationId(), copy.correlationId());
    assertEquals(original.transition(), copy.transition());
    assertEquals(original.payload(), copy.payload());
    assertTrue(copy.occurredAt().isAfter(original.occurredAt()));
  }

  private static AuditEvent event(Instant at) {
    return new AuditEvent(
        "request.queued",
        AuditEvent.Actor.system("runner"),
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        "corr",
        new AuditEvent.Transition("submitted", "queued", "sent"),
        Map.of("action_index", 0),
        at);
  }
}
