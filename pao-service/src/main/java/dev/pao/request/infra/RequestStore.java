package dev.pao.request.infra;

import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Requests, their actions and attempts in PostgreSQL (JPA). Callers own the transaction. */
@ApplicationScoped
public class RequestStore {
  @PersistenceContext(unitName = "pao")
  EntityManager em;

  @PersistenceUnit(unitName = "pao")
  EntityManagerFactory factory;

  /**
   * Runs a read on a fresh entity manager, so it sees what other transactions (and other instances)
   * committed, never entities lingering in a context outside a transaction.
   */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager fresh = factory.createEntityManager();
    try {
      return work.apply(fresh);
    } finally {
      fresh.close();
    }
  }

  /** The request as committed now (outside any transaction). */
  public Optional<Request> current(UUID id) {
    return read(fresh -> Optional.ofNullable(fresh.find(Request.class, id)));
  }

  /** The actions as committed now (outside any transaction). */
  public List<RequestAction> currentActions(UUID requestId) {
    return read(fresh -> actions(fresh, requestId));
  }

  /** The attempts as committed now (outside any transaction). */
  public List<ActionAttempt> currentAttempts(UUID requestId) {
    return read(
        fresh ->
            fresh
                .createQuery(
                    "SELECT t FROM ActionAttempt t WHERE t.requestId = :id ORDER BY t.id",
                    ActionAttempt.class)
                .setParameter("id", requestId)
                .getResultList());
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public Optional<Request> find(UUID id) {
    return Optional.ofNullable(em.find(Request.class, id));
  }

  /** The request, row-locked until the transaction ends (one writer per request at a time). */
  public Optional<Request> lock(UUID id) {
    return Optional.ofNullable(em.find(Request.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public List<RequestAction> actions(UUID requestId) {
    return actions(em, requestId);
  }

  private static List<RequestAction> actions(EntityManager em, UUID requestId) {
    return em.createQuery(
            "SELECT a FROM RequestAction a WHERE a.requestId = :id ORDER BY a.actionIndex",
            RequestAction.class)
        .setParameter("id", requestId)
        .getResultList();
  }

  public Optional<RequestAction> action(UUID requestId, int index) {
    return em.createQuery(
            "SELECT a FROM RequestAction a WHERE a.requestId = :id AND a.actionIndex = :index",
            RequestAction.class)
        .setParameter("id", requestId)
        .setParameter("index", index)
        .getResultStream()
        .findFirst();
  }

  public List<ActionAttempt> attempts(UUID requestId) {
    return em.createQuery(
            "SELECT t FROM ActionAttempt t WHERE t.requestId = :id ORDER BY t.id",
            ActionAttempt.class)
        .setParameter("id", requestId)
        .getResultList();
  }

  /** The open attempt row of an action's attempt, if one was started. */
  public Optional<ActionAttempt> openAttempt(UUID requestId, int index, int attempt) {
    return em.createQuery(
            "SELECT t FROM ActionAttempt t WHERE t.requestId = :id AND t.actionIndex = :index"
                + " AND t.attempt = :attempt ORDER BY t.id DESC",
            ActionAttempt.class)
        .setParameter("id", requestId)
        .setParameter("index", index)
        .setParameter("attempt", attempt)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** How many requests were queued before this one and are still waiting or running. */
  public long queuedAhead(Request request) {
    return read(fresh -> queuedAhead(fresh, request));
  }

  private static long queuedAhead(EntityManager em, Request request) {
    return em.createQuery(
            "SELECT COUNT(r) FROM Request r WHERE r.status IN :waiting AND r.createdAt < :created",
            Long.class)
        .setParameter(
            "waiting",
            List.of(
                dev.pao.request.domain.RequestStatus.QUEUED,
                dev.pao.request.domain.RequestStatus.IN_PROGRESS))
        .setParameter("created", request.createdAt())
        .getSingleResult();
  }

  public EntityManager entityManager() {
    return em;
  }
}
