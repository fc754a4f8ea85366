package dev.pao.audit.application;

import dev.pao.audit.domain.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appends audit events (in the caller's transaction) and reads a request's trail. */
@ApplicationScoped
public class AuditLog {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  private static final String LAST_APPENDED = AuditLog.class.getName() + ".last";

  @Resource TransactionSynchronizationRegistry transaction;

  /**
   * Appends an event; it becomes visible when the surrounding transaction commits. The provider may
   * order a transaction's inserts as it likes, so instead of flushing after every event (which also
   * writes every changed entity again), each event of a transaction is stamped strictly after the
   * one before it: the trail's order ({@code occurred_at}) is the order of appending.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(AuditEvent event) {
    AuditEvent ordered = event.after((Instant) transaction.getResource(LAST_APPENDED));
    transaction.putResource(LAST_APPENDED, ordered.occurredAt());
    em.persist(ordered);
  }

  /** The events of a request, oldest first. */
  public List<AuditEvent> trail(UUID requestId) {
    return em.createQuery(
            "SELECT e FROM AuditEvent e WHERE e.requestId = :id ORDER BY e.occurredAt, e.id",
            AuditEvent.class)
        .setParameter("id", requestId)
        .getResultList();
  }
}
