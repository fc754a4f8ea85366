package dev.pao.request.infra;

import dev.pao.request.domain.DueWaits;
import dev.pao.request.domain.RequestAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link DueWaits} on PostgreSQL: due rows (the database's clock decides, the same for every
 * instance) are taken with {@code FOR UPDATE ... SKIP LOCKED} of both the action and its request,
 * so instances split them and none waits for a request a runner holds (the runner locks the request
 * before its actions: taking both without waiting keeps that order safe).
 */
@ApplicationScoped
public class JpaDueWaits implements DueWaits {
  private static final String DUE =
      "SELECT CAST(a.id AS text), r.correlation_id FROM request_actions a"
          + " JOIN requests r ON r.id = a.request_id"
          + " WHERE a.status = 'waiting' AND a.next_check_at <= now()"
          + " AND r.status = 'in_progress'"
          + " ORDER BY a.next_check_at LIMIT ?1 FOR UPDATE OF a, r SKIP LOCKED";

  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public List<Due> lockDue(int limit) {
    Map<UUID, String> correlation = new HashMap<>();
    List<UUID> order = new ArrayList<>();
    for (Object row : em.createNativeQuery(DUE).setParameter(1, limit).getResultList()) {
      Object[] columns = (Object[]) row;
      UUID id = UUID.fromString(String.valueOf(columns[0]));
      order.add(id);
      correlation.put(id, String.valueOf(columns[1]));
    }
    if (order.isEmpty()) {
      return List.of();
    }
    Map<UUID, RequestAction> actions = new HashMap<>();
    em.createQuery("SELECT a FROM RequestAction a WHERE a.id IN :ids", RequestAction.class)
        .setParameter("ids", order)
        .getResultList()
        .forEach(action -> actions.put(action.id(), action));
    return order.stream()
        .filter(actions::containsKey)
        .map(id -> new Due(actions.get(id), correlation.get(id)))
        .toList();
  }
}
