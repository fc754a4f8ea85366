package dev.pao.notify.infra;

import dev.pao.notify.domain.Notification;
import dev.pao.notify.domain.NotificationOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * {@link NotificationOutbox} on the {@code notifications} table; due rows are claimed with {@code
 * FOR UPDATE SKIP LOCKED}, so the relays of several instances split them.
 */
@ApplicationScoped
public class JpaNotificationOutbox implements NotificationOutbox {
  private static final String CLAIM_DUE =
      "SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= ?1"
          + " ORDER BY next_attempt_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public void add(Notification notification) {
    em.persist(notification);
  }

  @Override
  public List<Notification> claimDue(Instant now, int limit) {
    List<Long> ids =
        ((List<?>)
                em.createNativeQuery(CLAIM_DUE)
                    .setParameter(1, Timestamp.from(now))
                    .setParameter(2, limit)
                    .getResultList())
            .stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "SELECT n FROM Notification n WHERE n.id IN :ids ORDER BY n.id", Notification.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
