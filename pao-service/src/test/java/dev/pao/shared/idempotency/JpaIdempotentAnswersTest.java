package dev.pao.shared.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kept answers of idempotent POSTs against the migrated schema and the application's role. */
class JpaIdempotentAnswersTest {
  private static final String RETRY = "POST /requests/{id}/retry";
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

  private static <T> T inTransaction(Function<JpaIdempotentAnswers, T> work) {
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      JpaIdempotentAnswers answers = new JpaIdempotentAnswers();
      answers.em = em;
      T result = work.apply(answers);
      em.getTransaction().commit();
      return result;
    } finally {
      em.close();
    }
  }

  @Test
  void aClaimHoldsTheKeyUntilAnsweredThenKeepsTheAnswer() {
    assertNull(inTransaction(a -> a.claim("ada", RETRY, "k-answer", "f1")));
    assertEquals(
        new IdempotentAnswers.Held("f1", null, null),
        inTransaction(a -> a.claim("ada", RETRY, "k-answer", "f1")),
        "running");
    inTransaction(
        a -> {
          a.answer("ada", RETRY, "k-answer", 202, "{\"data\": {\"id\": \"r-1\"}}");
          return null;
        });
    IdempotentAnswers.Held held = inTransaction(a -> a.claim("ada", RETRY, "k-answer", "f2"));
    assertEquals("f1", held.fingerprint());
    assertEquals(202, held.status());
    assertEquals("{\"data\": {\"id\": \"r-1\"}}", held.body());
  }

  @Test
  void keysArePerEndpointAndASubmissionsKeyIsUntouched() throws Exception {
    try (Connection owner = database.owner().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute(
          "INSERT INTO idempotency_keys (owner_subject, idempotency_key, request_hash, expires_at)"
              + " VALUES ('ada', 'k-shared', 'submission', now() + interval '1 day')");
    }
    assertNull(inTransaction(a -> a.claim("ada", RETRY, "k-shared", "retry")));
    assertEquals("retry", inTransaction(a -> a.claim("ada", RETRY, "k-shared", "x")).fingerprint());
  }

  @Test
  void aReleasedOrStaleClaimIsTakenOver() throws Exception {
    inTransaction(a -> a.claim("ada", RETRY, "k-release", "f1"));
    inTransaction(
        a -> {
          a.release("ada", RETRY, "k-release");
          return null;
        });
    assertNull(inTransaction(a -> a.claim("ada", RETRY, "k-release", "f1")), "released");

    inTransaction(a -> a.claim("ada", RETRY, "k-stale", "f1"));
    try (Connection owner = database.owner().getConnection();
        Statement sql = owner.createStatement()) {
      sql.execute(
          "UPDATE idempotency_keys SET created_at = now() - interval '10 minutes'"
              + " WHERE idempotency_key = 'k-stale'");
    }
    assertNull(
        inTransaction(a -> a.claim("ada", RETRY, "k-stale", "f2")),
        "a claim its server never answered");
  }
}
