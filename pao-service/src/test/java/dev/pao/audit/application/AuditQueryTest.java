package dev.pao.audit.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pao.audit.domain.AuditEntry;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.audit.infra.JpaAuditReads;
import dev.pao.shared.domain.ValidationException;
import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit listing and export against the migrated schema: filters, keyset pages, refusals. */
class AuditQueryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456Z");
  private static final UUID REQUEST = UUID.randomUUID();
  private static MigratedDatabase database;
  private static AuditQuery query;

  @BeforeAll
  static void start() {
    database = MigratedDatabase.start();
    query = new AuditQuery(JpaAuditReads.on(database.factory()));
    EntityManager em = database.factory().createEntityManager();
    try {
      em.getTransaction().begin();
      em.persist(event("request.submitted", "alice@example.com", REQUEST, T0));
      em.persist(event("request.completed", "worker", REQUEST, T0.plusNanos(1000)));
      em.persist(event("catalog.synced", "octocat", null, T0.plusSeconds(1)));
      em.persist(event("service_account.used", "ci@service-accounts.pao", null, T0.plusSeconds(2)));
      // Same instant as the one before: the id breaks the tie.
      em.persist(event("serviceXaccount.used", "ci@service-accounts.pao", null, T0.plusSeconds(2)));
      em.getTransaction().commit();
    } finally {
      em.close();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  @Test
  void pagesNewestFirstWithoutRepeatingOrSkipping() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      AuditQuery.Page page = query.list(filter(null, null, null), cursor, 1);
      page.events().forEach(e -> seen.add(e.eventType()));
      cursor = page.nextCursor();
    } while (cursor != null);
    // The two events of one instant come in id order (the provider picks the insert order).
    assertEquals(
        java.util.Set.of("serviceXaccount.used", "service_account.used"),
        java.util.Set.copyOf(seen.subList(0, 2)));
    assertEquals(
        List.of("catalog.synced", "request.completed", "request.submitted"),
        seen.subList(2, seen.size()));
  }

  @Test
  void filtersByRequestActorTypeAndPrefix() {
    assertEquals(2, query.list(filter(REQUEST.toString(), null, null), null, 50).events().size());
    assertEquals(
        List.of("catalog.synced"),
        types(query.list(filter(null, "octocat", null), null, 50).events()));
    assertEquals(
        List.of("request.completed", "request.submitted"),
        types(query.list(filter(null, null, "request.*"), null, 50).events()));
    // An underscore in a prefix is not a wildcard.
    assertEquals(
        List.of("service_account.used"),
        types(query.list(filter(null, null, "service_account.*"), null, 50).events()));
    assertEquals(
        List.of("request.submitted"),
        types(query.list(filter(null, null, "request.submitted"), null, 50).events()));
    AuditQuery.Page window =
        query.list(
            new AuditQuery.Filter(
                null, null, null, T0.plusSeconds(1).toString(), T0.plusSeconds(2).toString()),
            null,
            50);
    assertEquals(List.of("catalog.synced"), types(window.events()));
    assertNull(window.nextCursor());
  }

  @Test
  void exportsEverySelectedEventInChunks() {
    List<String> exported = new ArrayList<>();
    query.export(filter(null, null, null)).run(e -> exported.add(e.eventType()));
    assertEquals(5, exported.size());
  }

  @Test
  void refusesBadFilters() {
    assertInvalid("limit", () -> query.list(filter(null, null, null), null, 0));
    assertInvalid("limit", () -> query.list(filter(null, null, null), null, 201));
    assertInvalid("cursor", () -> query.list(filter(null, null, null), "not-a-cursor", 10));
    assertInvalid("request_id", () -> query.list(filter("abc", null, null), null, 10));
    assertInvalid("type", () -> query.list(filter(null, null, "request.%"), null, 10));
    assertInvalid("type", () -> query.list(filter(null, null, "service*"), null, 10));
    assertInvalid(
        "since",
        () -> query.list(new AuditQuery.Filter(null, null, null, "yesterday", null), null, 10));
    assertInvalid(
        "until", () -> query.export(new AuditQuery.Filter(null, null, null, null, "13/01/2026")));
  }

  private static void assertInvalid(String field, Runnable call) {
    ValidationException refused = assertThrows(ValidationException.class, call::run);
    assertEquals(field, refused.violations().get(0).field());
  }

  private static AuditQuery.Filter filter(String request, String actor, String type) {
    return new AuditQuery.Filter(request, actor, type, null, null);
  }

  private static List<String> types(List<AuditEntry> events) {
    return events.stream().map(AuditEntry::eventType).toList();
  }

  private static AuditEvent event(String type, String actor, UUID request, Instant at) {
    return new AuditEvent(
        type, AuditEvent.Actor.user(actor), request, "c-" + type, null, Map.of("k", "v"), at);
  }
}
