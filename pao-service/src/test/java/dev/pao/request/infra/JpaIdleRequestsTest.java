package dev.pao.request.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watchdog's idle query against the migrated schema: a running action is progress. */
class JpaIdleRequestsTest {
  private static final Duration STUCK_AFTER = Duration.ofMinutes(15);
  private static final Instant NOW = Instant.now();
  private static final Instant LONG_AGO = NOW.minus(Duration.ofHours(2));
  private static MigratedDatabase database;
  private static EntityManagerFactory factory;

  @BeforeAll
  static void start() throws Exception {
    database = MigratedDatabase.start();
    factory = database.factory();
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void aRequestIsIdleOnlyOnceItsRunningActionIsPastItsDeadlineByTheStuckTime() {
    Request withinBudget = running(NOW.plus(Duration.ofHours(1)));
    Request justPastBudget = running(NOW.minus(Duration.ofMinutes(5)));
    Request longPastBudget = running(NOW.minus(Duration.ofHours(1)));
    Request waiting = queued(LONG_AGO);
    Request recent = queued(NOW);
    Request waitingWithinBudget = waiting(NOW.plus(Duration.ofHours(1)));
    Request waitingLongPastBudget = waiting(NOW.minus(Duration.ofHours(1)));

    List<RequestId> idle = lockIdle();

    assertEquals(
        Set.of(longPastBudget.requestId(), waiting.requestId(), waitingLongPastBudget.requestId()),
        Set.copyOf(idle),
        "waiting within budget "
            + waitingWithinBudget.id()
            + ", within budget "
            + withinBudget.id()
            + ", just past "
            + justPastBudget.id()
            + ", recent "
            + recent.id());
  }

  private static List<RequestId> lockIdle() {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      JpaIdleRequests idle = new JpaIdleRequests();
      idle.em = em;
      List<RequestId> found = idle.lockIdle(STUCK_AFTER, 100);
      em.getTransaction().rollback();
      return found;
    } finally {
      em.close();
    }
  }

  /** An in-progress request without progress for 2 h whose action runs until {@code deadline}. */
  private static Request running(Instant deadline) {
    Request request = request();
    RequestAction action = action(request);
    request.markQueued("sent", LONG_AGO);
    request.startWork("started", LONG_AGO);
    action.queue(1);
    action.start(null, LONG_AGO, deadline);
    store(request, action);
    return request;
  }

  /** The same, with its action waiting (for a workflow run, say) rather than running. */
  private static Request waiting(Instant deadline) {
    Request request = request();
    RequestAction action = action(request);
    request.markQueued("sent", LONG_AGO);
    request.startWork("started", LONG_AGO);
    action.queue(1);
    action.start(null, LONG_AGO, deadline);
    action.startWaiting(Map.of("waiting_for", "a run"), NOW.plusSeconds(10), null, null, LONG_AGO);
    store(request, action);
    return request;
  }

  private static Request queued(Instant at) {
    Request request = request();
    RequestAction action = action(request);
    request.markQueued("sent", at);
    action.queue(1);
    store(request, action);
    return request;
  }

  private static Request request() {
    UUID id = UUID.randomUUID();
    return new Request(
        id,
        new Request.CatalogRef("item", "redis-cache", "1.0.0"),
        new Request.Requester("dev", "dev@example.com", "Dev", List.of()),
        Map.of("name", "x"),
        "corr-" + id,
        LONG_AGO);
  }

  private static RequestAction action(Request request) {
    return new RequestAction(
        request.id(),
        0,
        new RequestAction.Step(null, "redis-cache", "apply", "terraform"),
        Map.of("timeoutSeconds", 1800),
        List.of());
  }

  private static void store(Request request, RequestAction action) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      em.persist(request);
      em.persist(action);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }
}
