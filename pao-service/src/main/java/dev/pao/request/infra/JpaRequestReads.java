package dev.pao.request.infra;

import dev.pao.request.domain.ActionAttempt;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRow;
import dev.pao.request.domain.RequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link RequestReads} on PostgreSQL. Every read runs on a fresh entity manager, so it sees what
 * other transactions (and other instances) committed; a listing page is one query.
 */
@ApplicationScoped
public class JpaRequestReads implements RequestReads {
  @PersistenceUnit(unitName = "pao")
  EntityManagerFactory factory;

  protected JpaRequestReads() {}

  /** Reads through {@code factory} (tests give one of their own). */
  public static JpaRequestReads on(EntityManagerFactory factory) {
    JpaRequestReads reads = new JpaRequestReads();
    reads.factory = factory;
    return reads;
  }

  @Override
  public Optional<Request> request(RequestId id) {
    return read(em -> Optional.ofNullable(em.find(Request.class, id.value())));
  }

  @Override
  public Optional<RequestRow> row(RequestId id) {
    return read(
        em ->
            em.createQuery(
                    "SELECT NEW dev.pao.request.domain.RequestRow(r.id, r.status, r.statusReason,"
                        + " r.correlationId, r.catalogItemId, r.catalogItemVersion, r.catalogKind,"
                        + " r.catalogCommit, r.requesterSubject, r.requesterTeams, r.createdAt,"
                        + " r.updatedAt, r.finishedAt) FROM Request r WHERE r.id = :id",
                    RequestRow.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst());
  }

  @Override
  public List<RequestAction> actionsOf(RequestId id) {
    return read(em -> RequestQueries.actions(em, id));
  }

  @Override
  public List<ActionAttempt> attemptsOf(RequestId id) {
    return read(em -> RequestQueries.attempts(em, id));
  }

  @Override
  public long queuedAhead(Request request) {
    return read(
        em ->
            em.createQuery(
                    "SELECT COUNT(r) FROM Request r WHERE r.status IN :waiting"
                        + " AND r.createdAt < :created",
                    Long.class)
                .setParameter("waiting", List.of(RequestStatus.QUEUED, RequestStatus.IN_PROGRESS))
                .setParameter("created", request.createdAt())
                .getSingleResult());
  }

  @Override
  public Slice page(Listing listing) {
    ListingQuery sql = ListingQuery.of(listing);
    return read(
        em -> {
          Query query = em.createNativeQuery(sql.text(), Request.class);
          List<Object> parameters = sql.parameters();
          for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
          }
          List<Request> rows =
              ((List<?>) query.getResultList()).stream().map(Request.class::cast).toList();
          boolean more = rows.size() > listing.limit();
          return new Slice(more ? rows.subList(0, listing.limit()) : rows, more);
        });
  }

  private <T> T read(Function<EntityManager, T> work) {
    EntityManager fresh = factory.createEntityManager();
    try {
      return work.apply(fresh);
    } finally {
      fresh.close();
    }
  }
}
