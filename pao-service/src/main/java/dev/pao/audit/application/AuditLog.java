package dev.pao.audit.application;

import dev.pao.audit.domain.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Appends audit events (in the caller's transaction) and reads a request's trail. */
@ApplicationScoped
public class AuditLog {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  /** Appends an event; it becomes visible when the surrounding transaction commits. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(AuditEvent event) {
    em.persist(event);
    // Written now, so events of one transaction keep the order they happened in (the provider
    // may otherwise order a transaction's inserts as it likes).
    em.flush();
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
