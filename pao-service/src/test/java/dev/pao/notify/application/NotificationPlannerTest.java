package dev.pao.notify.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.notify.domain.Channel;
import dev.pao.notify.domain.Notification;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.StatusChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationPlannerTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final Map<String, String> config = new HashMap<>();
  private final NotificationPlanner planner =
      new NotificationPlanner(new NotifySettings(key -> Optional.ofNullable(config.get(key))));

  private static Request request() {
    Request request =
        new Request(
            UUID.fromString("9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"),
            new Request.CatalogRef("item", "postgres-database", "1.0.0"),
            new Request.Requester("sub", "dev@example.com", "Dev", List.of("team-data")),
            Map.of(),
            "corr",
            NOW);
    request.pin(
        "abc",
        Map.of(
            "metadata",
            Map.of("postgres-database", Map.of("name", "PostgreSQL", "owner", "team-platform"))),
        null);
    request.markQueued("sent", NOW);
    request.startWork("started", NOW);
    return request;
  }

  private static List<RequestAction> failedAction() {
    RequestAction action =
        new RequestAction(
            UUID.randomUUID(),
            0,
            new RequestAction.Step(null, "postgres-database", "create", "rest"),
            Map.of(),
            List.of());
    action.queue(1);
    action.fail(Map.of("message", "HTTP 500 from db.example.com"), NOW);
    return List.of(action);
  }

  @Test
  void aFailureNotifiesTheRequesterByMailAndTheTeamThroughItsChannels() {
    config.put("pao.notify.team.team-platform.email", "platform@example.com, dev@example.com");
    config.put("pao.notify.team.team-platform.webhook-url", "http://hooks.example.com/x");
    config.put("pao.portal.url", "https://pao.example.com/");
    Request request = request();
    StatusChange change = request.fail("action create failed", NOW);

    NotificationPlanner.Plan plan = planner.plan(request, change, failedAction(), NOW);

    List<Notification> rows = plan.notifications();
    assertEquals(3, rows.size(), "the requester's address is not written twice");
    assertEquals(Channel.EMAIL, rows.get(0).channel());
    assertEquals("dev@example.com", rows.get(0).recipient());
    assertEquals("platform@example.com", rows.get(1).recipient());
    assertEquals(Channel.WEBHOOK, rows.get(2).channel());
    assertEquals("team-platform", rows.get(2).recipient());
    String key = "request-9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d.failed." + NOW.toEpochMilli();
    rows.forEach(row -> assertEquals(key, row.eventKey()));
    rows.forEach(row -> assertEquals("request.failed", row.event()));
    String text = String.valueOf(rows.get(0).payload().get("text"));
    assertTrue(text.contains("HTTP 500 from db.example.com"), text);
    assertTrue(
        text.contains("https://pao.example.com/#/requests/9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d"),
        text);
    Map<?, ?> body = (Map<?, ?>) rows.get(2).payload().get("body");
    assertTrue(String.valueOf(body.get("text")).contains("is failed"));
    assertFalse(((List<?>) body.get("blocks")).isEmpty());
    assertFalse(plan.supportTicketMissing());
  }

  @Test
  void statusesOutsideTheConfiguredEventsNotifyNobody() {
    config.put("pao.notify.events", "completed");
    Request request = request();
    assertTrue(
        planner
            .plan(request, request.fail("x", NOW), failedAction(), NOW)
            .notifications()
            .isEmpty());
    Request other = request();
    assertEquals(
        1, planner.plan(other, other.complete("done", NOW), List.of(), NOW).notifications().size());
  }

  @Test
  void anEscalationAsksForOneSupportTicketInTheTeamsProject() {
    config.put("pao.support.jira.project", "SUP");
    config.put("pao.support.team.team-platform.project", "PLATSUP");
    Request request = request();
    request.fail("x", NOW);
    StatusChange change = request.escalate("customer waiting", NOW.plusSeconds(5));

    List<Notification> rows = planner.plan(request, change, failedAction(), NOW).notifications();

    List<Notification> tickets =
        rows.stream().filter(row -> row.channel() == Channel.JIRA_SUPPORT).toList();
    assertEquals(1, tickets.size());
    assertEquals("default/PLATSUP", tickets.get(0).recipient());
    assertEquals(
        "[PAO] postgres-database request 9b2f6c1e-3d4a-4f5b-8c7d-1e2f3a4b5c6d escalated",
        tickets.get(0).payload().get("summary"));
    String description = String.valueOf(tickets.get(0).payload().get("description"));
    assertTrue(description.contains("customer waiting"), description);
    assertTrue(description.contains("#0 create (rest): HTTP 500"), description);
    assertEquals("Task", tickets.get(0).payload().get("issue_type"));
  }

  @Test
  void anEscalationWithoutASupportProjectSaysSo() {
    config.put("pao.notify.events", "failed");
    Request request = request();
    request.fail("x", NOW);
    NotificationPlanner.Plan plan =
        planner.plan(request, request.escalate("help", NOW), List.of(), NOW);
    assertTrue(plan.notifications().isEmpty());
    assertTrue(plan.supportTicketMissing());
  }
}
