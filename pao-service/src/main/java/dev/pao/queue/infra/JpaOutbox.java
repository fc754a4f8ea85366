package dev.pao.queue.infra;

import dev.pao.queue.domain.Outbox;
import dev.pao.queue.domain.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * {@link Outbox} on the {@code outbox} table. Pending rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so concurrent relays split the rows between them.
 */
@ApplicationScoped
public class JpaOutbox implements Outbox {
  private static final String CLAIM_PENDING =
      "SELECT id FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public void add(OutboxMessage message) {
    em.persist(message);
  }

  @Override
  public List<OutboxMessage> claimPending(int limit) {
    List<Long> ids =
        ((List<?>) em.createNativeQuery(CLAIM_PENDING).setParameter(1, limit).getResultList())
            .stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT o FROM OutboxMessage o WHERE o.id IN :ids ORDER BY o.id", OutboxMessage.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
