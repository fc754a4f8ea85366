package dev.pao.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The aggregate's intent-named transitions against the state machine: every pair of statuses. */
class RequestTest {
  private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant LATER = CREATED.plusSeconds(60);

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (RequestStatus from : RequestStatus.values()) {
      for (RequestStatus to : RequestStatus.values()) {
        pairs.add(Arguments.of(from, to));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void anIntentChangesTheStatusExactlyWhenTheStateMachineAllowsIt(
      RequestStatus from, RequestStatus to) {
    Request request = requestIn(from);
    if (from.canTransitionTo(to)) {
      StatusChange change = become(request, to, "because", LATER);
      assertEquals(new StatusChange(from, to, "because", LATER), change);
      assertEquals(to, request.status());
      assertEquals("because", request.statusReason());
      assertEquals(LATER, request.updatedAt());
      assertEquals(LATER, request.lastProgressAt());
      assertEquals(to.terminal() ? LATER : null, request.finishedAt());
    } else {
      String reasonBefore = request.statusReason();
      IllegalTransitionException refused =
          assertThrows(IllegalTransitionException.class, () -> become(request, to, "no", LATER));
      assertEquals(
          IllegalTransitionException.message(request.id(), from, to), refused.getMessage());
      assertTrue(
          refused.getMessage().startsWith("Request " + request.id() + " is " + from.wireName()),
          refused.getMessage());
      assertEquals(from, request.status());
      assertEquals(reasonBefore, request.statusReason());
    }
  }

  @Test
  void aRetryKeepsOnlyTheOutputsOfTheKeptActions() {
    Request request = requestIn(RequestStatus.FAILED);
    request.addOutputs(Map.of("ticket", "DBA-1", "failed_partial", "x"), CREATED);
    request.retry(Map.of("ticket", "DBA-1"), "again", LATER);
    assertEquals(Map.of("ticket", "DBA-1"), request.outputs());
    assertEquals(RequestStatus.RETRYING, request.status());
  }

  @Test
  void aRefusedRetryLeavesTheOutputsAlone() {
    Request request = requestIn(RequestStatus.COMPLETED);
    request.addOutputs(Map.of("ticket", "DBA-1"), CREATED);
    assertThrows(IllegalTransitionException.class, () -> request.retry(Map.of(), "again", LATER));
    assertEquals(Map.of("ticket", "DBA-1"), request.outputs());
  }

  @Test
  void ensureCanBecomeChecksWithoutChanging() {
    Request request = requestIn(RequestStatus.FAILED);
    request.ensureCanBecome(RequestStatus.ABORTED);
    assertEquals(RequestStatus.FAILED, request.status());
    assertThrows(
        IllegalTransitionException.class, () -> request.ensureCanBecome(RequestStatus.QUEUED));
  }

  @Test
  void theStatusHasNoPublicWayAroundTheIntents() {
    List<String> publicMutators =
        Arrays.stream(Request.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()))
            .map(Method::getName)
            .filter(name -> name.equals("moveTo") || name.startsWith("set"))
            .toList();
    assertEquals(List.of(), publicMutators);
  }

  @Test
  void progressResetsTheWatchdogClockAndOutputsAccumulate() {
    Request request = requestIn(RequestStatus.IN_PROGRESS);
    request.addOutputs(Map.of("a", 1), LATER);
    request.addOutputs(Map.of("b", 2), LATER);
    request.advanceTo(1, LATER.plusSeconds(1));
    assertEquals(Map.of("a", 1, "b", 2), request.outputs());
    assertEquals(1, request.currentActionIndex());
    assertEquals(LATER.plusSeconds(1), request.lastProgressAt());
    assertNull(request.finishedAt());
  }

  @Test
  void sensitivePathsComeFromThePinnedPlan() {
    Request request = requestIn(RequestStatus.SUBMITTED);
    assertEquals(List.of(), request.sensitivePaths());
    request.pin("abc", Map.of("sensitive", List.of("password", "db.secret")), "key-1");
    assertEquals(List.of("password", "db.secret"), request.sensitivePaths());
    assertNotNull(request.requestId());
    assertFalse(request.status().terminal());
  }

  /** A new request driven along the shortest path to {@code status}. */
  static Request requestIn(RequestStatus status) {
    Request request =
        new Request(
            UUID.fromString("5e0c8f2a-0000-4000-8000-00000000000a"),
            new Request.CatalogRef("item", "postgres-database", "1.0.0"),
            new Request.Requester("dev", "dev@example.com", "Dev", List.of("team-a")),
            Map.of(),
            "corr-1",
            CREATED);
    for (RequestStatus step : pathTo(status)) {
      become(request, step, "on the way", CREATED);
    }
    return request;
  }

  private static List<RequestStatus> pathTo(RequestStatus status) {
    return switch (status) {
      case SUBMITTED -> List.of();
      case AWAITING_APPROVAL -> List.of(RequestStatus.AWAITING_APPROVAL);
      case REJECTED -> List.of(RequestStatus.AWAITING_APPROVAL, RequestStatus.REJECTED);
      case QUEUED -> List.of(RequestStatus.QUEUED);
      case IN_PROGRESS -> List.of(RequestStatus.QUEUED, RequestStatus.IN_PROGRESS);
      case COMPLETED ->
          List.of(RequestStatus.QUEUED, RequestStatus.IN_PROGRESS, RequestStatus.COMPLETED);
      case FAILED -> List.of(RequestStatus.QUEUED, RequestStatus.IN_PROGRESS, RequestStatus.FAILED);
      case RETRYING ->
          List.of(
              RequestStatus.QUEUED,
              RequestStatus.IN_PROGRESS,
              RequestStatus.FAILED,
              RequestStatus.RETRYING);
      case STUCK -> List.of(RequestStatus.STUCK);
      case ABORTED -> List.of(RequestStatus.STUCK, RequestStatus.ABORTED);
      case ESCALATED -> List.of(RequestStatus.STUCK, RequestStatus.ESCALATED);
    };
  }

  /** The intent-named method that leads to {@code to}. */
  private static StatusChange become(
      Request request, RequestStatus to, String reason, Instant now) {
    return switch (to) {
      case AWAITING_APPROVAL -> request.awaitApproval(reason, now, now.plusSeconds(3600));
      case REJECTED -> request.reject(reason, now);
      case QUEUED ->
          request.status() == RequestStatus.AWAITING_APPROVAL
              ? request.approve(reason, now)
              : request.markQueued(reason, now);
      case IN_PROGRESS -> request.startWork(reason, now);
      case COMPLETED -> request.complete(reason, now);
      case FAILED -> request.fail(reason, now);
      case STUCK -> request.markStuck(reason, now);
      case RETRYING -> request.retry(request.outputs(), reason, now);
      case ABORTED -> request.abort(reason, now, true);
      case ESCALATED -> request.escalate(reason, now);
      case SUBMITTED -> throw new IllegalTransitionException(request.id(), request.status(), to);
    };
  }
}
