package dev.pao.catalog.sync;

import dev.pao.audit.application.AuditRecorder;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.domain.SyncReport;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records each catalog sync in the audit log: {@code catalog.synced} or {@code
 * catalog.sync_failed}, by whoever caused it (the pusher of a webhook delivery, the user of a
 * refresh, the system at start-up), with the commit, branch, documents served, rejected count and
 * trigger. A sync must work while the database is out, so an event that cannot be written is logged
 * instead.
 */
@ApplicationScoped
public class SyncAudit {
  private static final Logger LOG = Logger.getLogger(SyncAudit.class.getName());

  /** The actor of a sync nobody asked for (start-up). */
  public static final AuditEvent.Actor SYSTEM = AuditEvent.Actor.system("catalog-sync");

  @Inject AuditRecorder recorder;

  void synced(SyncReport report, AuditEvent.Actor actor) {
    AuditEvent event = event(report, actor, Instant.now());
    try {
      recorder.record(event);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot record {0} of commit {1} in the audit log: {2}",
          new Object[] {event.eventType(), report.commit(), e.getMessage()});
    }
  }

  static AuditEvent event(SyncReport report, AuditEvent.Actor actor, Instant now) {
    boolean failed = SyncReport.FAILED.equals(report.status());
    Map<String, Object> payload = new LinkedHashMap<>();
    if (report.commit() != null) {
      payload.put("commit", report.commit());
    }
    payload.put("branch", report.branch());
    payload.put("trigger", report.trigger());
    payload.put("documents_loaded", report.documentsLoaded());
    payload.put("rejected", report.rejected().size());
    if (failed && report.error() != null) {
      payload.put("error", report.error());
    }
    return new AuditEvent(
        failed ? "catalog.sync_failed" : "catalog.synced",
        actor,
        null,
        Correlation.current(),
        null,
        payload,
        now);
  }
}
