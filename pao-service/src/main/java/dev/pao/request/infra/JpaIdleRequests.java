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
  // An action still within its time budget counts as progressing, whether it runs or waits (for a
  // workflow run, say, with no worker held): the idle time of a request runs from the later of its
  // last progress and the deadline of its running or waiting action.
  private static final String IDLE =
      "SELECT CAST(r.id AS text) FROM requests r WHERE r.status IN ('submitted', 'queued',"
          + " 'in_progress', 'retrying') AND r.last_progress_at < now() - make_interval(secs => ?1)"
          + " AND NOT EXISTS (SELECT 1 FROM request_actions a WHERE a.request_id = r.id"
          + " AND a.status IN ('in_progress', 'waiting')"
          + " AND a.deadline_at >= now() - make_interval(secs => ?1))"
          + " ORDER BY r.last_progress_at LIMIT ?2 FOR UPDATE OF r SKIP LOCKED";

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
