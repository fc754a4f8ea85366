package dev.pao.audit.application;

import dev.pao.audit.domain.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Appends an audit event in a transaction of its own, for events that belong to no other
 * transaction: a catalog sync, a webhook delivery, a service account's call or refusal. The event
 * is committed when this returns, even if what follows fails.
 */
@ApplicationScoped
public class AuditRecorder {
  @Inject AuditLog log;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(AuditEvent event) {
    log.append(event);
  }
}
