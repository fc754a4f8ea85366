package dev.pao.request.infra;

import dev.pao.request.domain.RetentionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * {@link RetentionStore} on PostgreSQL: a request's actions, attempts and outbox rows go with it
 * (foreign keys cascade); audit events go through the database's own purge function, the only path
 * allowed to delete them.
 */
@ApplicationScoped
public class JpaRetentionStore implements RetentionStore {
  /** The advisory lock of a retention run (any constant other locks do not use). */
  private static final long RUN_LOCK = 0x7061_6f5f_7265_7401L;

  private static final String FINISHED =
      "DELETE FROM requests WHERE (status = 'completed' AND finished_at < now() -"
          + " make_interval(days => ?1)) OR (status IN ('failed', 'aborted', 'rejected', 'escalated')"
          + " AND updated_at < now() - make_interval(days => ?2))";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public boolean claimRun() {
    return Boolean.TRUE.equals(
        em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
            .setParameter(1, RUN_LOCK)
            .getSingleResult());
  }

  @Override
  public int removeFinishedRequests(int completedDays, int failedDays) {
    return em.createNativeQuery(FINISHED)
        .setParameter(1, completedDays)
        .setParameter(2, failedDays)
        .executeUpdate();
  }

  @Override
  public void removeExpiredIdempotencyKeys() {
    em.createNativeQuery("DELETE FROM idempotency_keys WHERE expires_at < now()").executeUpdate();
  }

  @Override
  public void removeAuditEventsOlderThan(int days) {
    em.createNativeQuery("SELECT audit_events_purge(?1)").setParameter(1, days).getSingleResult();
  }
}
