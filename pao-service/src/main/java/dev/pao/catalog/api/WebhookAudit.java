package dev.pao.catalog.api;

import dev.pao.audit.application.AuditRecorder;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records GitHub webhook deliveries in the audit log: {@code webhook.received} (by the pusher, with
 * the delivery id, event and commit) once the signature holds, {@code webhook.rejected} (by {@code
 * unknown}, with the source address) when it does not.
 */
@ApplicationScoped
public class WebhookAudit {
  /** The actor of a delivery that names no pusher, or whose signature failed. */
  static final String UNKNOWN = "unknown";

  @Inject AuditRecorder recorder;

  /** The pusher as the actor of what a delivery causes. */
  static AuditEvent.Actor actor(String pusher) {
    return AuditEvent.Actor.user(pusher == null || pusher.isBlank() ? UNKNOWN : pusher);
  }

  void received(String delivery, String event, String pusher, String commit) {
    Map<String, Object> payload = new LinkedHashMap<>();
    put(payload, "delivery_id", delivery);
    put(payload, "event", event);
    put(payload, "commit", commit);
    recorder.record(
        new AuditEvent(
            "webhook.received",
            actor(pusher),
            null,
            Correlation.current(),
            null,
            payload,
            Instant.now()));
  }

  void rejected(String delivery, String event, String remoteAddress, boolean unsigned) {
    Map<String, Object> payload = new LinkedHashMap<>();
    put(payload, "delivery_id", delivery);
    put(payload, "event", event);
    put(payload, "remote_address", remoteAddress);
    payload.put("reason", unsigned ? "no X-Hub-Signature-256" : "wrong X-Hub-Signature-256");
    recorder.record(
        new AuditEvent(
            "webhook.rejected",
            actor(null),
            null,
            Correlation.current(),
            null,
            payload,
            Instant.now()));
  }

  private static void put(Map<String, Object> payload, String key, String value) {
    if (value != null) {
      payload.put(key, value);
    }
  }
}
