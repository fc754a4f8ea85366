package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ExternalRef;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runner's transactional steps on fakes: begin, succeed, fail, next action, complete. */
class RunStepsTest {
  private final Orchestration core = new Orchestration();

  @Test
  void beginStartsTheActionWithItsRenderedCallAndTheAttemptsIdempotencyKey() {
    Request request = core.submitted(2);
    Optional<RunSteps.Started> started = core.steps.begin(core.messageFor(request, 0), 1);

    assertTrue(started.isPresent());
    assertEquals("rest", started.get().type());
    assertNull(started.get().renderingProblem());
    assertEquals("https://api.example.com/orders/0", started.get().call().spec().get("url"));
    assertEquals(
        "pao-" + request.id() + "-0-1",
        started.get().call().idempotencyKey(),
        "the key executors give external systems");
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(ActionStatus.IN_PROGRESS, core.action(request, 0).state());
    assertEquals(
        List.of("request.queued", "request.in_progress", "action.started"), core.audit.types());
    assertEquals(1, core.requests.attemptsOf(request.requestId()).size());
  }

  @Test
  void aDuplicateOfAFinishedActionIsIgnored() {
    Request request = core.submitted(2);
    ActionMessage first = core.messageFor(request, 0);
    core.succeed(request, 0);
    int events = core.audit.events().size();

    assertTrue(core.steps.begin(first, 2).isEmpty());
    assertFalse(core.steps.succeed(first, ActionResult.of(Map.of("id", "again"))));
    core.steps.fail(first, new ActionFailedException("late"));

    assertEquals(ActionStatus.COMPLETED, core.action(request, 0).state());
    assertEquals(Map.of("ref0", "R-0"), core.action(request, 0).outputs());
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(events, core.audit.events().size());
  }

  @Test
  void aStaleAttemptIsIgnored() {
    Request request = core.failedAt(1, 0);
    core.commands.retryNow(request.requestId(), Orchestration.OWNER, null);
    ActionMessage stale = new ActionMessage(request.id(), 0, 1, request.correlationId());

    assertTrue(core.steps.begin(stale, 3).isEmpty());
    assertFalse(core.steps.succeed(stale, ActionResult.of(Map.of("id", "old"))));

    assertEquals(ActionStatus.QUEUED, core.action(request, 0).state());
    assertEquals(2, core.action(request, 0).attempt());
    assertEquals(RequestStatus.RETRYING, core.statusOf(request));
  }

  @Test
  void successQueuesTheNextActionThroughTheOutbox() {
    Request request = core.submitted(2);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);

    assertTrue(core.steps.succeed(message, ActionResult.of(Map.of("id", "R-0"))));

    assertEquals(ActionStatus.COMPLETED, core.action(request, 0).state());
    assertEquals(ActionStatus.QUEUED, core.action(request, 1).state());
    assertEquals(Map.of("ref0", "R-0"), core.requests.find(request.requestId()).get().outputs());
    assertEquals(1, core.requests.find(request.requestId()).get().currentActionIndex());
    OutboxMessage next = core.outbox.rows().get(0);
    assertEquals(1, next.actionIndex());
    assertEquals(1, next.attempt());
    assertEquals("pao-" + request.id() + "-1-1", next.deduplicationId());
    assertEquals(1, core.announced.size());
    assertEquals(
        "completed",
        core.requests.latestAttempt(request.requestId(), 0, 1).orElseThrow().outcome());
  }

  @Test
  void theLastSuccessCompletesTheRequest() {
    Request request = core.submitted(2);
    core.succeed(request, 0);
    core.succeed(request, 1);

    Request done = core.requests.find(request.requestId()).orElseThrow();
    assertEquals(RequestStatus.COMPLETED, done.status());
    assertEquals("all 2 actions completed", done.statusReason());
    assertNotNull(done.finishedAt());
    assertEquals(Map.of("ref0", "R-0", "ref1", "R-1"), done.outputs());
    assertEquals(1, core.outbox.rows().size(), "only the second action was queued");
    assertEquals("request.completed", core.audit.types().get(core.audit.types().size() - 1));
  }

  @Test
  void aFailureOfTheActionsOwnFailsTheRequest() {
    Request request = core.failedAt(2, 1);

    assertEquals(RequestStatus.FAILED, core.statusOf(request));
    assertEquals(ActionStatus.FAILED, core.action(request, 1).state());
    assertEquals("HTTP 500", core.action(request, 1).error().get("message"));
    assertEquals(
        "action step-1 failed: HTTP 500",
        core.requests.find(request.requestId()).get().statusReason());
    assertEquals(
        "failed", core.requests.latestAttempt(request.requestId(), 1, 1).orElseThrow().outcome());
    assertTrue(core.audit.types().contains("request.failed"));
  }

  @Test
  void aTransientProblemClosesTheAttemptAndLeavesTheActionRunning() {
    Request request = core.submitted(1);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);

    core.steps.transientProblem(message, "timeout");

    assertEquals(
        "transient",
        core.requests.latestAttempt(request.requestId(), 0, 1).orElseThrow().outcome());
    assertEquals(ActionStatus.IN_PROGRESS, core.action(request, 0).state());
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
  }

  @Test
  void aStuckRequestResumesWhenItsMessageComesBack() {
    Request request = core.stuck();

    Optional<RunSteps.Started> started = core.steps.begin(core.messageFor(request, 0), 2);

    assertTrue(started.isPresent());
    Request resumed = core.requests.find(request.requestId()).orElseThrow();
    assertEquals(RequestStatus.IN_PROGRESS, resumed.status());
    assertEquals("resumed: the message was delivered again", resumed.statusReason());
  }

  @Test
  void beginRecordsTheAttemptsDeadline() {
    Request request = core.submitted(1);
    core.steps.begin(core.messageFor(request, 0), 1);

    assertEquals(Orchestration.NOW.plusSeconds(300), core.action(request, 0).deadlineAt());
  }

  @Test
  void aSuccessForARequestMarkedStuckWhileItsActionRanResumesItAndQueuesTheNextAction() {
    Request request = core.submitted(2);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    markStuck(request);

    assertTrue(core.steps.succeed(message, ActionResult.of(Map.of("id", "R-0"))));

    Request resumed = core.requests.find(request.requestId()).orElseThrow();
    assertEquals(RequestStatus.IN_PROGRESS, resumed.status());
    assertEquals("resumed from stuck: action step-0 completed", resumed.statusReason());
    assertEquals(ActionStatus.QUEUED, core.action(request, 1).state());
    assertEquals(1, core.outbox.rows().size(), "the next action is queued");
    AuditEvent resumedEvent = lastOfType("request.in_progress");
    assertEquals("stuck", resumedEvent.transition().from());
    assertEquals("resumed from stuck: action step-0 completed", resumedEvent.transition().reason());
  }

  @Test
  void aSuccessOfTheLastActionOfAStuckRequestCompletesIt() {
    Request request = core.submitted(1);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    markStuck(request);

    core.steps.succeed(message, ActionResult.of(Map.of("id", "R-0")));

    assertEquals(RequestStatus.COMPLETED, core.statusOf(request));
    List<String> types = core.audit.types();
    assertEquals(
        List.of("request.stuck", "action.completed", "request.in_progress", "request.completed"),
        types.subList(types.size() - 4, types.size()));
  }

  @Test
  void aFailureForAStuckRequestResumesItAndFailsIt() {
    Request request = core.submitted(1);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    markStuck(request);

    core.steps.fail(message, new ActionFailedException("HTTP 400"));

    assertEquals(RequestStatus.FAILED, core.statusOf(request));
    assertEquals(
        "resumed from stuck: action step-0 failed",
        lastOfType("request.in_progress").transition().reason());
  }

  @Test
  void progressOfARunningActionKeepsItsRequestProgressingAndResumesItFromStuck() {
    Request request = core.submitted(1);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    Request running = core.requests.find(request.requestId()).orElseThrow();
    running.advanceTo(0, Orchestration.NOW.minusSeconds(3600));

    core.steps.progress(message);

    assertEquals(Orchestration.NOW, running.lastProgressAt());
    markStuck(request);
    core.steps.progress(message);
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(
        "resumed from stuck: action step-0 still running",
        lastOfType("request.in_progress").transition().reason());
  }

  @Test
  void lateResultsOfAnOlderAttemptAreIgnoredOnceARetryRunsTheNextOne() {
    Request request = core.stuck();
    ActionMessage first = core.messageFor(request, 0);
    core.commands.retryNow(request.requestId(), Orchestration.OWNER, null);
    ActionMessage second = core.messageFor(request, 0);
    core.steps.begin(second, 1);
    int events = core.audit.events().size();

    assertFalse(core.steps.succeed(first, ActionResult.of(Map.of("id", "old"))));
    core.steps.fail(first, new ActionFailedException("old failure"));
    core.steps.transientProblem(first, "old timeout");
    core.steps.progress(first);

    assertEquals(ActionStatus.IN_PROGRESS, core.action(request, 0).state());
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(Map.of(), core.action(request, 0).outputs());
    assertEquals(
        "running",
        core.requests.latestAttempt(request.requestId(), 0, 2).orElseThrow().outcome(),
        "the running attempt's log entry is left alone");
    assertEquals(events, core.audit.events().size());
  }

  @Test
  void aMessageForAnActionAResetByARetryIsIgnored() {
    Request request = core.failedAt(2, 0);
    core.commands.retryNow(request.requestId(), Orchestration.OWNER, null);
    // Action 1 never ran; a message naming its attempt number must not start or finish it.
    RequestAction reset = core.action(request, 1);
    ActionMessage phantom =
        new ActionMessage(request.id(), 1, reset.attempt(), request.correlationId());

    assertTrue(core.steps.begin(phantom, 1).isEmpty());
    assertFalse(core.steps.succeed(phantom, ActionResult.of(Map.of("id", "x"))));

    assertEquals(ActionStatus.PENDING, core.action(request, 1).state());
  }

  private void markStuck(Request request) {
    Request current = core.requests.find(request.requestId()).orElseThrow();
    core.transitions.record(
        current,
        current.markStuck("no progress for 900 s", Orchestration.NOW),
        AuditEvent.Actor.system("watchdog"));
  }

  private AuditEvent lastOfType(String type) {
    List<AuditEvent> events = core.audit.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).eventType().equals(type)) {
        return events.get(i);
      }
    }
    throw new AssertionError("no " + type + " event in " + core.audit.types());
  }

  @Test
  void anUnrenderableActionIsReportedNotStarted() {
    Request request = core.submitted(1);
    core.requests.add(
        request,
        List.of(
            new RequestAction(
                request.id(),
                0,
                new RequestAction.Step(null, "x", "bad", "rest"),
                Map.of("url", "{{.current.name"),
                List.of())));
    core.action(request, 0).queue(1);

    Optional<RunSteps.Started> started = core.steps.begin(core.messageFor(request, 0), 1);

    assertTrue(started.isPresent());
    assertNotNull(started.get().renderingProblem());
    assertNull(started.get().call());
  }

  @Test
  void successRecordsWhatTheActionCreatedOutside() {
    Request request = core.submitted(1);
    ActionMessage message = core.messageFor(request, 0);
    core.steps.begin(message, 1);
    core.steps.succeed(
        message,
        new ActionResult(Map.of("id", "DBA-7"), new ExternalRef("rest", "default", "DBA-7", null)));
    assertEquals("DBA-7", core.action(request, 0).externalKey());
  }
}
