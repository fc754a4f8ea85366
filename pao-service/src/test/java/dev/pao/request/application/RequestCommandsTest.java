package dev.pao.request.application;

import static dev.pao.request.application.Orchestration.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.IllegalTransitionException;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestNotFoundException;
import dev.pao.request.domain.RequestStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry, abort and escalate on fakes. */
class RequestCommandsTest {
  private final Orchestration core = new Orchestration();

  @Test
  void retryRerunsFromTheFailedActionAndKeepsWhatCompleted() {
    Request request = core.failedAt(3, 1);

    RequestCommands.RetryPlan plan =
        core.commands.retry(request.requestId(), Orchestration.OWNER, "try again");

    assertEquals(List.of(0), plan.kept());
    assertEquals(List.of(1, 2), plan.willRun().stream().map(r -> r.action().index()).toList());
    assertTrue(plan.willRun().stream().allMatch(RequestCommands.Rerun::externalSideEffects));
    Request retried = core.requests.find(request.requestId()).orElseThrow();
    assertEquals(RequestStatus.RETRYING, retried.status());
    assertEquals("try again", retried.statusReason());
    assertEquals(Map.of("ref0", "R-0"), retried.outputs());
    assertEquals(1, retried.currentActionIndex());
    assertEquals(ActionStatus.COMPLETED, core.action(request, 0).state());
    assertEquals(ActionStatus.QUEUED, core.action(request, 1).state());
    assertEquals(2, core.action(request, 1).attempt());
    assertEquals(ActionStatus.PENDING, core.action(request, 2).state());
    OutboxMessage queued = core.outbox.rows().get(core.outbox.rows().size() - 1);
    assertEquals("pao-" + request.id() + "-1-2", queued.deduplicationId());
    AuditEvent event = core.audit.events().get(core.audit.events().size() - 1);
    assertEquals("request.retrying", event.eventType());
    assertEquals(Map.of("from_action", 1), event.payload());
  }

  @Test
  void aDryRunChangesNothing() {
    Request request = core.failedAt(2, 0);
    int rows = core.outbox.rows().size();

    RequestCommands.RetryPlan plan =
        core.commands.previewRetry(request.requestId(), Orchestration.OWNER);

    assertEquals(RequestStatus.FAILED, plan.status());
    assertEquals(2, plan.willRun().size());
    assertEquals(RequestStatus.FAILED, core.statusOf(request));
    assertEquals(rows, core.outbox.rows().size());
  }

  @Test
  void abortRemovesTheRequestsDeadLetters() {
    Request request = core.stuck();
    core.deadLetters.add(request.id().toString());
    core.deadLetters.add("another-group");

    core.commands.abort(request.requestId(), Orchestration.OWNER, null);

    assertEquals(RequestStatus.ABORTED, core.statusOf(request));
    assertEquals("aborted", core.requests.find(request.requestId()).get().statusReason());
    assertEquals(1, core.deadLetters.size());
    AuditEvent removed = core.audit.events().get(core.audit.events().size() - 1);
    assertEquals("request.dlq_removed", removed.eventType());
    assertEquals(Map.of("messages", 1), removed.payload());
  }

  @Test
  void retryRemovesTheRequestsDeadLetters() {
    Request request = core.stuck();
    core.deadLetters.add(request.id().toString());
    core.deadLetters.add("another-group");

    core.commands.retry(request.requestId(), Orchestration.OWNER, null);

    assertEquals(RequestStatus.RETRYING, core.statusOf(request));
    assertEquals(1, core.deadLetters.size(), "only the other group's letter is left");
    AuditEvent removed = core.audit.events().get(core.audit.events().size() - 1);
    assertEquals("request.dlq_removed", removed.eventType());
    assertEquals(Map.of("messages", 1), removed.payload());
  }

  @Test
  void aRetryAfterAnUnknownOutcomeKeepsTheIdempotencyKeyOfThatAttempt() {
    Request request = core.stuck();
    String firstKey = "pao-" + request.id() + "-0-1";

    core.commands.retry(request.requestId(), Orchestration.OWNER, null);
    ActionMessage second = core.messageFor(request, 0);
    RunSteps.Started started = core.steps.begin(second, 1).orElseThrow();

    assertEquals(2, second.attempt(), "a new attempt, so its message is not deduplicated away");
    assertEquals("pao-" + request.id() + "-0-2", second.deduplicationId());
    assertEquals(firstKey, started.call().idempotencyKey(), "the executor finds what it created");
    AuditEvent retried =
        core.audit.events().stream()
            .filter(e -> e.eventType().equals("request.retrying"))
            .findFirst()
            .orElseThrow();
    assertEquals(Map.of("from_action", 0, "idempotency_key_of_attempt", 1), retried.payload());

    // The second attempt's outcome is unknown as well: the third still looks for the first's.
    core.steps.transientProblem(second, "timeout");
    core.transitions.record(
        request,
        core.requests.find(request.requestId()).orElseThrow().markStuck("dead-lettered", NOW),
        AuditEvent.Actor.system("watchdog"));
    core.commands.retry(request.requestId(), Orchestration.OWNER, null);
    RunSteps.Started third = core.steps.begin(core.messageFor(request, 0), 1).orElseThrow();
    assertEquals(3, third.call().attempt());
    assertEquals(firstKey, third.call().idempotencyKey());
  }

  @Test
  void aRetryAfterADefiniteFailureUsesANewKey() {
    Request request = core.failedAt(1, 0);

    core.commands.retry(request.requestId(), Orchestration.OWNER, null);
    RunSteps.Started started = core.steps.begin(core.messageFor(request, 0), 1).orElseThrow();

    assertEquals("pao-" + request.id() + "-0-2", started.call().idempotencyKey());
  }

  @Test
  void escalateRecordsWhoEscalated() {
    Request request = core.failedAt(1, 0);

    core.commands.escalate(request.requestId(), Orchestration.OWNER, "needs a DBA");

    assertEquals(RequestStatus.ESCALATED, core.statusOf(request));
    AuditEvent event = core.audit.events().get(core.audit.events().size() - 1);
    assertEquals("request.escalated", event.eventType());
    assertEquals("needs a DBA", event.transition().reason());
    assertEquals(Map.of("escalated_by", "dev@example.com"), event.payload());
  }

  @Test
  void aDecisionOnARunningRequestIsRefusedAndChangesNothing() {
    Request request = core.submitted(1);
    core.steps.begin(core.messageFor(request, 0), 1);
    int events = core.audit.events().size();
    RequestId id = request.requestId();

    IllegalTransitionException refused =
        assertThrows(
            IllegalTransitionException.class,
            () -> core.commands.retry(id, Orchestration.OWNER, null));
    assertEquals(
        "Request "
            + id
            + " is in_progress; it cannot become retrying (only a request that is failed or"
            + " stuck can)",
        refused.getMessage());
    assertThrows(
        IllegalTransitionException.class, () -> core.commands.abort(id, Orchestration.OWNER, null));
    assertThrows(
        IllegalTransitionException.class,
        () -> core.commands.escalate(id, Orchestration.OWNER, null));
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(events, core.audit.events().size());
  }

  @Test
  void someoneElsesRequestIsNotFound() {
    Request request = core.failedAt(1, 0);
    RequestNotFoundException missing =
        assertThrows(
            RequestNotFoundException.class,
            () -> core.commands.abort(request.requestId(), Orchestration.STRANGER, null));
    assertEquals("No request " + request.id(), missing.getMessage());
    assertEquals(RequestStatus.FAILED, core.statusOf(request));
  }
}
