package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxWritten;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import dev.pao.security.Role;
import dev.pao.testing.FakeDeadLetters;
import dev.pao.testing.FakeOutbox;
import dev.pao.testing.InMemoryRequests;
import dev.pao.testing.RecordingAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The orchestration core wired on in-memory fakes of its ports, with a fixed clock. */
final class Orchestration {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final CurrentUser OWNER =
      new CurrentUser("dev-1", "dev@example.com", "Dev", List.of("team-a"), Set.of(Role.DEVELOPER));
  static final CurrentUser STRANGER =
      new CurrentUser(
          "dev-2", "other@example.com", "Other", List.of("team-b"), Set.of(Role.DEVELOPER));

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final InMemoryRequests requests = new InMemoryRequests();
  final RecordingAuditLog audit = new RecordingAuditLog();
  final FakeOutbox outbox = new FakeOutbox();
  final FakeDeadLetters deadLetters = new FakeDeadLetters();
  final List<OutboxWritten> announced = new ArrayList<>();
  final RequestTransitions transitions = new RequestTransitions(audit, clock);
  final OutboxWriter writer = new OutboxWriter(outbox, announced::add, clock);
  final RunSteps steps = new RunSteps(requests, transitions, writer, clock);
  final RequestCommands commands =
      new RequestCommands(requests, requests, transitions, new NoExecutors(), deadLetters, writer);

  /** A submitted request of the owner with {@code actions} REST actions, the first one queued. */
  Request submitted(int actions) {
    UUID id = UUID.randomUUID();
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "postgres-database", "1.0.0"),
            new Request.Requester(OWNER.subject(), OWNER.email(), OWNER.name(), OWNER.teams()),
            Map.of("name", "orders"),
            "corr-" + id,
            NOW.minusSeconds(60));
    List<RequestAction> planned = new ArrayList<>();
    for (int i = 0; i < actions; i++) {
      planned.add(
          new RequestAction(
              id,
              i,
              new RequestAction.Step(null, "postgres-database", "step-" + i, "rest"),
              Map.of(
                  "id",
                  "step-" + i,
                  "type",
                  "rest",
                  "url",
                  "https://api.example.com/{{.current.name}}/" + i,
                  "outputs",
                  Map.of("ref" + i, "$.id")),
              List.of()));
    }
    planned.get(0).queue(1);
    requests.add(request, planned);
    return request;
  }

  /** The message of the current attempt of action {@code index}. */
  ActionMessage messageFor(Request request, int index) {
    RequestAction action = action(request, index);
    return new ActionMessage(request.id(), index, action.attempt(), request.correlationId());
  }

  RequestAction action(Request request, int index) {
    return requests.action(request.requestId(), index).orElseThrow();
  }

  /** Runs action {@code index} to success with result {@code {"id": "R-<index>"}}. */
  void succeed(Request request, int index) {
    ActionMessage message = messageFor(request, index);
    steps.begin(message, 1);
    steps.succeed(message, ActionResult.of(Map.of("id", "R-" + index)));
  }

  /** Drives a request until action {@code index} failed (its earlier actions completed). */
  Request failedAt(int actions, int index) {
    Request request = submitted(actions);
    for (int i = 0; i < index; i++) {
      succeed(request, i);
    }
    ActionMessage failing = messageFor(request, index);
    steps.begin(failing, 1);
    steps.fail(failing, new ActionFailedException("HTTP 500"));
    return request;
  }

  /** A request stuck while its first action ran. */
  Request stuck() {
    Request request = submitted(1);
    steps.begin(messageFor(request, 0), 1);
    transitions.record(
        request, request.markStuck("no progress", NOW), AuditEvent.Actor.system("watchdog"));
    return request;
  }

  RequestStatus statusOf(Request request) {
    return requests.find(request.requestId()).orElseThrow().status();
  }

  /** No executors are configured: every action type counts as having side effects. */
  static final class NoExecutors extends ActionExecutors {
    @Override
    public Optional<ActionExecutor> forType(String type) {
      return Optional.empty();
    }
  }
}
