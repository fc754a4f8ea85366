package dev.pao.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.catalog.infra.StoredCatalogDocument;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxStatus;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.shared.idempotency.IdempotencyRecord;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JPA entities against the migrated schema, through EclipseLink (the server's JPA provider) and
 * the application's database role: every entity is written and read back unchanged.
 */
class EntityMappingTest {
  private static MigratedDatabase database;
  private static EntityManagerFactory factory;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @BeforeAll
  static void start() throws Exception {
    // Read from the database, not the cache, so the column mapping is what is tested.
    database = MigratedDatabase.start(Map.of("eclipselink.cache.shared.default", "false"));
    factory = database.factory();
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  private static void inTransaction(Consumer<EntityManager> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  @Test
  void requestWithActionOutboxAndAuditRoundTrips() {
    UUID id = UUID.randomUUID();
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "postgres-database", "1.4.0"),
            new Request.Requester("sub-1", "dev@example.com", "Dev", List.of("team-data")),
            Map.of("name", "orders", "storageGb", 50, "network", Map.of("vpc", "vpc-1")),
            "corr-1",
            NOW);
    inTransaction(
        em -> {
          em.persist(request);
          em.persist(
              new RequestAction(
                  id,
                  0,
                  new RequestAction.Step(null, "postgres-database", "ticket", "jira"),
                  Map.of("summary", "Create {{.current.name}}"),
                  List.of()));
          em.persist(OutboxMessage.of(new ActionMessage(id, 0, 1, "corr-1"), NOW));
          em.persist(
              new AuditEvent(
                  "request.submitted",
                  AuditEvent.Actor.user("dev@example.com"),
                  id,
                  "corr-1",
                  new AuditEvent.Transition(null, "submitted", "submitted by requester"),
                  Map.of("catalog_item_id", "postgres-database"),
                  NOW));
        });
    inTransaction(em -> em.find(Request.class, id).markQueued("sent", NOW));

    EntityManager em = factory.createEntityManager();
    try {
      Request read = em.find(Request.class, id);
      assertEquals(RequestStatus.QUEUED, read.status());
      assertEquals("orders", read.formData().get("name"));
      assertEquals(Map.of("vpc", "vpc-1"), read.formData().get("network"));
      assertEquals(List.of("team-data"), read.requester().teams());
      RequestAction action =
          em.createQuery(
                  "SELECT a FROM RequestAction a WHERE a.requestId = :id", RequestAction.class)
              .setParameter("id", id)
              .getSingleResult();
      assertEquals("jira", action.step().type());
      assertEquals("Create {{.current.name}}", action.config().get("summary"));
      OutboxMessage message =
          em.createQuery(
                  "SELECT o FROM OutboxMessage o WHERE o.requestId = :id", OutboxMessage.class)
              .setParameter("id", id)
              .getSingleResult();
      assertEquals("pao-" + id + "-0-1", message.deduplicationId());
      assertEquals(OutboxStatus.PENDING, message.status());
      assertEquals(ActionStatus.PENDING, action.state());
      AuditEvent event =
          em.createQuery("SELECT e FROM AuditEvent e WHERE e.requestId = :id", AuditEvent.class)
              .setParameter("id", id)
              .getSingleResult();
      assertEquals("submitted", event.transition().to());
      assertEquals("postgres-database", event.payload().get("catalog_item_id"));
    } finally {
      em.close();
    }
  }

  @Test
  void catalogDocumentAndIdempotencyRecordRoundTrip() {
    inTransaction(
        em -> {
          em.persist(
              new StoredCatalogDocument(
                  new StoredCatalogDocument.Identity(
                      "CatalogItem", "mapping-item", "1.0.0", "databases", "team-data"),
                  "catalog/databases/mapping-item.yaml",
                  "abc123",
                  Map.of("apiVersion", "pao/v1", "kind", "CatalogItem"),
                  NOW));
          em.persist(
              new IdempotencyRecord(
                  new IdempotencyRecord.Key("sub-1", "POST /requests", "key-1"),
                  "hash",
                  UUID.randomUUID(),
                  NOW,
                  NOW.plus(1, ChronoUnit.DAYS)));
        });
    EntityManager em = factory.createEntityManager();
    try {
      StoredCatalogDocument document =
          em.createQuery(
                  "SELECT d FROM StoredCatalogDocument d WHERE d.documentId = 'mapping-item'",
                  StoredCatalogDocument.class)
              .getSingleResult();
      assertEquals("pao/v1", document.definition().get("apiVersion"));
      assertEquals("team-data", document.identity().owner());
      IdempotencyRecord record =
          em.find(
              IdempotencyRecord.class,
              new IdempotencyRecord.Key("sub-1", "POST /requests", "key-1"));
      assertNotNull(record);
      assertEquals(true, record.sameBody("hash"));
    } finally {
      em.close();
    }
  }
}
