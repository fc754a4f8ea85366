package dev.pao.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RequestStatusTest {

  @ParameterizedTest
  @CsvSource({
    "submitted, queued, true",
    "queued, in_progress, true",
    "queued, stuck, true",
    "in_progress, completed, true",
    "in_progress, failed, true",
    "failed, retrying, true",
    "failed, aborted, true",
    "failed, escalated, true",
    "retrying, queued, true",
    "stuck, retrying, true",
    "stuck, aborted, true",
    "stuck, escalated, true",
    "submitted, aborted, true",
    "queued, aborted, true",
    "in_progress, aborted, true",
    "completed, retrying, false",
    "completed, failed, false",
    "submitted, completed, false",
    "queued, completed, false",
    "aborted, retrying, false",
    "escalated, retrying, false",
    "failed, completed, false",
    "in_progress, retrying, false",
    "submitted, awaiting_approval, true",
    "in_progress, awaiting_approval, true",
    "awaiting_approval, queued, true",
    "awaiting_approval, rejected, true",
    "awaiting_approval, aborted, true",
    "awaiting_approval, escalated, true",
    "awaiting_approval, in_progress, false",
    "queued, awaiting_approval, false",
    "failed, rejected, false",
    "rejected, queued, false",
  })
  void followsTheDiagram(String from, String to, boolean allowed) {
    assertEquals(
        allowed,
        RequestStatus.fromWireName(from).canTransitionTo(RequestStatus.fromWireName(to)),
        from + " -> " + to);
  }

  @ParameterizedTest
  @EnumSource(
      value = RequestStatus.class,
      names = {"COMPLETED", "ABORTED", "REJECTED", "ESCALATED"})
  void terminalStatusesGoNowhere(RequestStatus status) {
    assertTrue(status.terminal());
    assertEquals(EnumSet.noneOf(RequestStatus.class), status.successors());
  }

  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void wireNamesRoundTrip(RequestStatus status) {
    assertEquals(status, RequestStatus.fromWireName(status.wireName()));
  }

  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void nothingTransitionsToItself(RequestStatus status) {
    assertTrue(!status.canTransitionTo(status));
  }

  @org.junit.jupiter.api.Test
  void requestRefusesAnIllegalTransitionAndKeepsItsStatus() {
    Request request =
        new Request(
            UUID.randomUUID(),
            new Request.CatalogRef("item", "x", "1.0.0"),
            new Request.Requester("s", "a@example.com", "A", List.of()),
            Map.of(),
            "c",
            Instant.now());
    IllegalTransitionException refused =
        assertThrows(
            IllegalTransitionException.class, () -> request.complete("skip", Instant.now()));
    assertTrue(refused.getMessage().contains("submitted"), refused.getMessage());
    assertEquals(RequestStatus.SUBMITTED, request.status());
  }

  @org.junit.jupiter.api.Test
  void anIllegalTransitionSaysWhenItWouldBeAllowed() {
    java.util.UUID id = java.util.UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertEquals(
        "Request "
            + id
            + " is completed; it cannot become aborted (only a request that is"
            + " submitted, awaiting_approval, queued, in_progress (while its action waits), failed or stuck can)",
        IllegalTransitionException.message(id, RequestStatus.COMPLETED, RequestStatus.ABORTED));
  }

  @org.junit.jupiter.api.Test
  void aRequestInProgressIsAbortedOnlyWhileItsActionWaits() {
    Request request =
        new Request(
            java.util.UUID.randomUUID(),
            new Request.CatalogRef("item", "x", "1.0.0"),
            new Request.Requester("s", "a@example.com", "A", List.of()),
            Map.of(),
            "c",
            Instant.EPOCH);
    request.markQueued("sent", Instant.EPOCH);
    request.startWork("started", Instant.EPOCH);

    IllegalTransitionException running =
        assertThrows(
            IllegalTransitionException.class, () -> request.abort("stop", Instant.EPOCH, false));
    assertTrue(running.getMessage().contains("action running"), running.getMessage());
    assertEquals(RequestStatus.IN_PROGRESS, request.status());

    request.abort("stop", Instant.EPOCH, true);
    assertEquals(RequestStatus.ABORTED, request.status());
  }
}
