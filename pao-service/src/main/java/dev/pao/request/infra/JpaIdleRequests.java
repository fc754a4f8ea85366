package dev.pao.request.infra;

import dev.pao.request.domain.IdleRequests;
import dev.pao.request.domain.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@link IdleRequests} on PostgreSQL: the sweep is a transaction-scoped advisory lock, idle
 * requests are taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class JpaIdleRequests implements IdleRequests {
  private static final long SWEEP_LOCK = 0x5041_4f57_4454L; // "PAOWDT"
  private static final String IDLE =
      "SELECT CAST(id AS text) FROM requests WHERE status IN ('submitted', 'queued',"
          + " 'in_progress', 'retrying') AND last_progress_at < now() - make_interval(secs => ?1)"
          + " ORDER BY last_progress_at LIMIT ?2 FOR UPDATE SKIP LOCKED";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public boolean claimSweep() {
    Object won =
        em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
            .setParameter(1, SWEEP_LOCK)
            .getSingleResult();
    return Boolean.TRUE.equals(won);
  }

  @Override
  public List<RequestId> lockIdle(Duration idleFor, int limit) {
    return ((List<?>)
            em.createNativeQuery(IDLE)
                .setParameter(1, (double) idleFor.toSeconds())
                .setParameter(2, limit)
                .getResultList())
        .stream().map(id -> new RequestId(UUID.fromString(String.valueOf(id)))).toList();
  }
}
