package dev.pao.request.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRow;
import dev.pao.request.domain.RequestStatus;
import dev.pao.shared.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The listing page query against the migrated schema: one query, filters, keyset paging. */
class JpaRequestReadsTest {
  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
  private static MigratedDatabase database;
  private static EntityManagerFactory factory;
  private static JpaRequestReads reads;
  private static Request oldest;
  private static Request middle;
  private static Request newest;

  @BeforeAll
  static void start() throws Exception {
    database = MigratedDatabase.start();
    factory = database.factory();
    reads = JpaRequestReads.on(factory);
    oldest = request("alice", List.of("team-a"), T0);
    middle = request("bob", List.of("team-\"b\""), T0.plusSeconds(60));
    newest = request("carol", List.of(), T0.plusSeconds(120));
    EntityManager em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      for (Request request : List.of(oldest, middle, newest)) {
        em.persist(request);
        em.persist(
            new RequestAction(
                request.id(),
                0,
                new RequestAction.Step(null, "item", "a", "rest"),
                Map.of("url", "https://x"),
                List.of()));
      }
      middle.markQueued("sent", T0.plusSeconds(61));
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
    RequestReads.Slice first = reads.page(listing(null, null, null, 2));
    assertEquals(ids(newest, middle), ids(first.requests()));
    assertTrue(first.more());
    assertEquals(Map.of("name", "x"), first.requests().get(0).formData());

    RequestReads.Slice second =
        reads.page(listing(null, null, RequestReads.Position.of(first.requests().get(1)), 2));
    assertEquals(ids(oldest), ids(second.requests()));
    assertFalse(second.more());
  }

  @Test
  void showsOnlyWhatTheCallerOrTheirTeamsMade() {
    RequestReads.Visibility bobsTeam =
        new RequestReads.Visibility("nobody", List.of("team-\"b\"", "team-z"));
    assertEquals(ids(middle), ids(reads.page(listing(bobsTeam, null, null, 10)).requests()));
    RequestReads.Visibility alice = new RequestReads.Visibility("alice", List.of());
    assertEquals(ids(oldest), ids(reads.page(listing(alice, null, null, 10)).requests()));
  }

  @Test
  void filtersByStatusItemAndCreationTime() {
    assertEquals(
        ids(middle), ids(reads.page(listing(null, RequestStatus.QUEUED, null, 10)).requests()));
    RequestReads.Slice window =
        reads.page(
            new RequestReads.Listing(
                null, null, "item", T0.plusSeconds(30), T0.plusSeconds(120), null, 10));
    assertEquals(ids(middle), ids(window.requests()));
  }

  @Test
  void readsActionsAndTheQueuePosition() {
    assertEquals(1, reads.actionsOf(oldest.requestId()).size());
    assertEquals(0, reads.queuedAhead(middle));
    assertEquals(1, reads.queuedAhead(newest));
    assertEquals(RequestStatus.QUEUED, reads.request(middle.requestId()).orElseThrow().status());
  }

  @Test
  void readsTheRowAloneForAStatusPoll() {
    RequestRow row = reads.row(middle.requestId()).orElseThrow();
    assertEquals(middle.id(), row.id());
    assertEquals(RequestStatus.QUEUED, row.status());
    assertEquals(middle.requester().subject(), row.requesterSubject());
    assertEquals(middle.requester().teams(), row.requesterTeams());
    assertEquals(middle.catalog().id(), row.catalogItemId());
    assertTrue(reads.row(RequestId.random()).isEmpty());
  }

  private static RequestReads.Listing listing(
      RequestReads.Visibility visibility,
      RequestStatus status,
      RequestReads.Position after,
      int limit) {
    return new RequestReads.Listing(visibility, status, null, null, null, after, limit);
  }

  private static Request request(String subject, List<String> teams, Instant created) {
    return new Request(
        UUID.randomUUID(),
        new Request.CatalogRef("item", "item", "1.0.0"),
        new Request.Requester(subject, subject + "@example.com", subject, teams),
        Map.of("name", "x"),
        "corr",
        created);
  }

  private static List<UUID> ids(Request... requests) {
    return List.of(requests).stream().map(Request::id).toList();
  }

  private static List<UUID> ids(List<Request> requests) {
    return requests.stream().map(Request::id).toList();
  }
}
