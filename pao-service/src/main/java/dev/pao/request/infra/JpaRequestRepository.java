package dev.pao.request.infra;

import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link RequestRepository} on PostgreSQL through the transaction's persistence context. */
@ApplicationScoped
public class JpaRequestRepository implements RequestRepository {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @Override
  public void add(Request request, List<RequestAction> actions) {
    em.persist(request);
    actions.forEach(em::persist);
  }

  @Override
  public Optional<Request> find(RequestId id) {
    return Optional.ofNullable(em.find(Request.class, id.value()));
  }

  @Override
  public Optional<Request> lock(RequestId id) {
    return Optional.ofNullable(em.find(Request.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Request> lockIfFree(RequestId id) {
    // SKIP LOCKED answers no row instead of waiting; the row is then locked by this transaction,
    // and the entity read after it.
    List<?> free =
        em.createNativeQuery("SELECT id FROM requests WHERE id = ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, id.value())
            .getResultList();
    return free.isEmpty() ? Optional.empty() : find(id);
  }

  @Override
  public List<RequestAction> actionsOf(RequestId id) {
    return RequestQueries.actions(em, id);
  }

  @Override
  public Optional<RequestAction> action(RequestId id, int index) {
    return em.createQuery(
            "SELECT a FROM RequestAction a WHERE a.requestId = :id AND a.actionIndex = :index",
            RequestAction.class)
        .setParameter("id", id.value())
        .setParameter("index", index)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void addAttempt(ActionAttempt attempt) {
    em.persist(attempt);
  }

  @Override
  public Optional<ActionAttempt> latestAttempt(RequestId id, int index, int attempt) {
    return em.createQuery(
            "SELECT t FROM ActionAttempt t WHERE t.requestId = :id AND t.actionIndex = :index"
                + " AND t.attempt = :attempt ORDER BY t.id DESC",
            ActionAttempt.class)
        .setParameter("id", id.value())
        .setParameter("index", index)
        .setParameter("attempt", attempt)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
