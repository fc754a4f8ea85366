package dev.pao.request.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.request.domain.DueWaits;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The due-wait query against the migrated schema: only waiting actions of in-progress requests
 * whose check is due, each taken by one transaction at a time.
 */
class JpaDueWaitsTest {
  private static final Instant NOW = Instant.now();
  private static MigratedDatabase database;
  private static EntityManagerFactory factory;

  @BeforeAll
  static void start() {
    database = MigratedDatabase.start();
    factory = database.factory();
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void dueWaitsOfRequestsInProgressAreTakenOnceWhileLocked() {
    UUID due = waiting(NOW.minusSeconds(5), request -> {});
    UUID alsoDue = waiting(NOW.minusSeconds(60), request -> {});
    waiting(NOW.plusSeconds(60), request -> {});
    waiting(NOW.minusSeconds(5), request -> request.abort("gone", NOW, true));
    UUID checkQueued = waiting(NOW.minusSeconds(5), request -> {});
    update(checkQueued, RequestAction::queueCheck);

    EntityManager first = factory.createEntityManager();
    EntityManager second = factory.createEntityManager();
    try {
      first.getTransaction().begin();
      List<DueWaits.Due> taken = lockDue(first);
      assertEquals(
          List.of(alsoDue, due),
          taken.stream().map(found -> found.action().requestId()).toList(),
          "the most overdue first");
      assertEquals("corr-" + due, taken.get(1).correlationId());

      second.getTransaction().begin();
      assertEquals(List.of(), lockDue(second), "what one instance holds, another skips");
      second.getTransaction().rollback();
      first.getTransaction().rollback();
    } finally {
      first.close();
      second.close();
    }
    assertEquals(Set.of(alsoDue, due), Set.copyOf(dueNow()), "free again after rollback");
  }

  private static List<UUID> dueNow() {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      List<UUID> ids = lockDue(em).stream().map(found -> found.action().requestId()).toList();
      em.getTransaction().rollback();
      return ids;
    } finally {
      em.close();
    }
  }

  private static List<DueWaits.Due> lockDue(EntityManager em) {
    JpaDueWaits waits = new JpaDueWaits();
    waits.em = em;
    return waits.lockDue(10);
  }

  /** A request in progress whose action waits for a check at {@code nextCheck}. */
  private static UUID waiting(Instant nextCheck, Consumer<Request> then) {
    UUID id = UUID.randomUUID();
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "github-repository", "1.0.0"),
            new Request.Requester("dev", "dev@example.com", "Dev", List.of()),
            Map.of("name", "x"),
            "corr-" + id,
            NOW.minus(Duration.ofMinutes(5)));
    RequestAction action =
        new RequestAction(
            id,
            0,
            new RequestAction.Step(null, "github-repository", "provision", "github-workflow"),
            Map.of("wait", true),
            List.of());
    request.markQueued("sent", NOW);
    request.startWork("started", NOW);
    action.queue(1);
    action.start(null, NOW, NOW.plus(Duration.ofHours(1)));
    action.startWaiting(
        Map.of("waiting_for", "workflow run 901", "state", Map.of("run_id", "901")),
        nextCheck,
        "901",
        "https://github.com/acme/svc/actions/runs/901",
        NOW);
    then.accept(request);
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      em.persist(request);
      em.persist(action);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
    return id;
  }

  private static void update(UUID request, Consumer<RequestAction> change) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      RequestAction action =
          em.createQuery(
                  "SELECT a FROM RequestAction a WHERE a.requestId = :id", RequestAction.class)
              .setParameter("id", request)
              .getSingleResult();
      change.accept(action);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }
}
