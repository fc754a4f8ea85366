package dev.pao.request.infra;

import dev.pao.request.domain.DueApprovals;
import dev.pao.request.domain.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** {@link DueApprovals} on PostgreSQL: {@code FOR UPDATE SKIP LOCKED}, so sweeps never collide. */
@ApplicationScoped
public class JpaDueApprovals implements DueApprovals {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public List<RequestId> lockOverdue(int limit) {
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM requests WHERE status = 'awaiting_approval'"
                    + " AND approval_due_at <= now() ORDER BY approval_due_at"
                    + " LIMIT ?1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, limit)
            .getResultList();
    return ids.stream().map(id -> RequestId.of((UUID) id)).toList();
  }
}
