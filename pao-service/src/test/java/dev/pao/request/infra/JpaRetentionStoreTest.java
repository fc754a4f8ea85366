package dev.pao.request.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.request.domain.Request;
import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retention against the migrated schema: which finished requests go, and which stay. */
class JpaRetentionStoreTest {
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
  void abortedAndEscalatedRequestsGoAfterTheFailedRetentionLikeFailedOnes() throws Exception {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      for (String name : List.of("failed", "aborted", "escalated", "stuck", "recent-aborted")) {
        em.persist(
            new Request(
                UUID.randomUUID(),
                new Request.CatalogRef("item", "retention-item", "1.0.0"),
                new Request.Requester("sub", "dev@example.com", "Dev", List.of()),
                Map.of("name", name),
                "corr-" + name,
                Instant.now()));
      }
      em.getTransaction().commit();
    } finally {
      em.close();
    }
    try (Connection owner = database.owner().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute(
          "UPDATE requests SET status = CASE form_data->>'name' WHEN 'recent-aborted' THEN"
              + " 'aborted' ELSE form_data->>'name' END, updated_at = CASE form_data->>'name'"
              + " WHEN 'recent-aborted' THEN now() ELSE now() - interval '200 days' END");
    }

    em = factory.createEntityManager();
    JpaRetentionStore store = new JpaRetentionStore();
    store.em = em;
    try {
      em.getTransaction().begin();
      assertEquals(3, store.removeFinishedRequests(90, 180));
      em.getTransaction().commit();
    } finally {
      em.close();
    }
    assertEquals(Set.of("stuck", "recent-aborted"), remaining());
  }

  @Test
  void oneInstanceAtATimeRunsThePolicy() {
    EntityManager first = factory.createEntityManager();
    EntityManager second = factory.createEntityManager();
    try {
      first.getTransaction().begin();
      second.getTransaction().begin();
      assertTrue(store(first).claimRun());
      assertFalse(store(second).claimRun(), "held by the first transaction");
      first.getTransaction().commit();
      second.getTransaction().rollback();
      second.getTransaction().begin();
      assertTrue(store(second).claimRun(), "released when the first transaction ended");
      second.getTransaction().commit();
    } finally {
      first.close();
      second.close();
    }
  }

  private static JpaRetentionStore store(EntityManager em) {
    JpaRetentionStore store = new JpaRetentionStore();
    store.em = em;
    return store;
  }

  private static Set<String> remaining() throws Exception {
    Set<String> names = new TreeSet<>();
    try (Connection owner = database.owner().getConnection();
        Statement sql = owner.createStatement();
        ResultSet rows = sql.executeQuery("SELECT form_data->>'name' FROM requests")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
