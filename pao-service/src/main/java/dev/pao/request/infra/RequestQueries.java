package dev.pao.request.infra;

import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The JPQL both request adapters share. */
final class RequestQueries {
  private RequestQueries() {}

  static List<RequestAction> actions(EntityManager em, RequestId id) {
    return em.createQuery(
            "SELECT a FROM RequestAction a WHERE a.requestId = :id ORDER BY a.actionIndex",
            RequestAction.class)
        .setParameter("id", id.value())
        .getResultList();
  }

  static List<ActionAttempt> attempts(EntityManager em, RequestId id) {
    return em.createQuery(
            "SELECT t FROM ActionAttempt t WHERE t.requestId = :id ORDER BY t.id",
            ActionAttempt.class)
        .setParameter("id", id.value())
        .getResultList();
  }
}
