package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ActionWait;
import dev.pao.action.spi.ExternalRef;
import dev.pao.action.spi.TransientActionException;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.queue.domain.OutboxWritten;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.WaitCheckMessage;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.DueWaits;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.testing.FakeDeadLetters;
import dev.pao.testing.FakeOutbox;
import dev.pao.testing.InMemoryRequests;
import dev.pao.testing.RecordingAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@code wait: true} action on fakes at the ports: the executor answers waiting, the runner
 * records the wait and returns (the worker is free), the scheduler queues a check once it is due,
 * and each check is one look until the run ends or the budget does.
 */
class WaitingActionsTest {
  private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
  private static final String RUN_URL = "https://github.com/acme/svc/actions/runs/901";

  private final MovingClock clock = new MovingClock(Orchestration.NOW);
  private final InMemoryRequests requests = new InMemoryRequests();
  private final RecordingAuditLog audit = new RecordingAuditLog();
  private final FakeOutbox outbox = new FakeOutbox();
  private final List<OutboxWritten> announced = new ArrayList<>();
  private final RequestTransitions transitions = new RequestTransitions(audit, clock);
  private final OutboxWriter writer = new OutboxWriter(outbox, announced::add, clock);
  private final RunSteps steps = new RunSteps(requests, transitions, writer, clock);
  private final WaitSteps waits = new WaitSteps(requests, transitions, clock, CHECK_EVERY);
  private final Workflow workflow = new Workflow();
  private final ActionRunner runner =
      new ActionRunner(
          steps,
          waits,
          workflow,
          clock,
          delay -> clock.advance(delay),
          new ActionRunner.Settings(
              Duration.ofSeconds(60), Duration.ofSeconds(120), TransientBackoff.DEFAULT));
  private final WaitCheckRunner checks = new WaitCheckRunner(waits, steps, workflow);
  private final List<Request> known = new ArrayList<>();
  private final WaitCheckScheduler scheduler = new WaitCheckScheduler(this::due, writer);
  private final RequestCommands commands =
      new RequestCommands(
          requests,
          requests,
          transitions,
          new Orchestration.NoExecutors(),
          new FakeDeadLetters(),
          writer);

  @Test
  void aWaitFreesTheWorkerAndLaterChecksCompleteTheActionWithItsOutputs() {
    Request request = submitted(300);

    runner.handle(delivery(request));

    RequestAction action = action(request);
    assertEquals(ActionStatus.WAITING, action.state());
    assertEquals(RequestStatus.IN_PROGRESS, request.status());
    assertEquals(Orchestration.NOW.plus(CHECK_EVERY), action.nextCheckAt());
    assertEquals(RUN_URL, action.externalUrl(), "the run's link is shown while waiting");
    assertEquals(1, count("action.waiting"));
    assertEquals(0, scheduler.queueDue(), "not due yet");

    clock.advance(CHECK_EVERY);
    assertEquals(1, scheduler.queueDue());
    assertEquals(0, scheduler.queueDue(), "a queued check is not queued twice");
    checks.handle(check(1));

    assertEquals(ActionStatus.WAITING, action.state(), "still running: waiting again");
    assertEquals(clock.instant().plus(CHECK_EVERY), action.nextCheckAt());
    assertEquals(clock.instant(), request.lastProgressAt(), "a check is progress");
    int eventsWhileWaiting = audit.events().size();

    workflow.concluded = true;
    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    checks.handle(check(2));

    assertEquals(RequestStatus.COMPLETED, request.status());
    assertEquals(ActionStatus.COMPLETED, action.state());
    assertEquals(Map.of("runUrl", RUN_URL, "conclusion", "success"), request.outputs());
    assertEquals(1, count("action.waiting"), "one event when the wait started");
    assertEquals(1, count("action.completed"));
    assertEquals(eventsWhileWaiting + 2, audit.events().size(), "completed, request completed");
    assertEquals(1, workflow.executions.get());
    assertEquals(2, workflow.looks.get());
    assertEquals(
        List.of(
            "pao-" + request.id() + "-0-1",
            "pao-" + request.id() + "-0-1-check-1",
            "pao-" + request.id() + "-0-1-check-2"),
        outbox.rows().stream().map(OutboxMessage::deduplicationId).toList());
    assertEquals(
        List.of("pao-" + request.id() + "-0-1"),
        workflow.keys.stream().distinct().toList(),
        "every look is of the same attempt, with its key");
  }

  @Test
  void aRepeatedOrStaleCheckIsIgnored() {
    Request request = submitted(300);
    runner.handle(delivery(request));
    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    checks.handle(check(1));

    checks.handle(check(1));
    checks.handle(check(7));
    runner.handle(delivery(request));

    assertEquals(1, workflow.looks.get(), "looked once");
    assertEquals(1, workflow.executions.get(), "the action message's redelivery ran nothing");
    assertEquals(ActionStatus.WAITING, action(request).state());
  }

  @Test
  void pastItsBudgetTheActionFailsTimedOutWaitingAndARetryFollowsTheSameRun() {
    Request request = submitted(25);
    runner.handle(delivery(request));
    RequestAction action = action(request);

    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    checks.handle(check(1));
    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    checks.handle(check(2));
    assertEquals(
        Orchestration.NOW.plusSeconds(25).plusMillis(1),
        action.nextCheckAt(),
        "the last check is at the deadline, not after the next interval");
    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    checks.handle(check(3));

    assertEquals(RequestStatus.FAILED, request.status());
    assertEquals(ActionStatus.FAILED, action.state());
    String message = String.valueOf(action.error().get("message"));
    assertTrue(message.contains("timed out waiting for workflow run " + RUN_URL), message);
    assertEquals(2, workflow.looks.get(), "no look past the deadline");

    commands.retry(request.requestId(), Orchestration.OWNER, null);
    assertEquals(2, action.attempt());
    assertEquals(1, action.keyAttempt(), "the run still going is found again, not started anew");
  }

  @Test
  void abortingAWaitingRequestDropsTheWait() {
    Request request = submitted(300);
    runner.handle(delivery(request));

    commands.abort(request.requestId(), Orchestration.OWNER, "not needed");

    assertEquals(RequestStatus.ABORTED, request.status());
    RequestAction action = action(request);
    assertEquals(ActionStatus.FAILED, action.state());
    assertNull(action.nextCheckAt());
    clock.advance(CHECK_EVERY);
    assertEquals(0, scheduler.queueDue());
    checks.handle(check(1));
    assertEquals(0, workflow.looks.get());
  }

  @Test
  void aCheckWithoutAnAnswerKeepsWaitingInsteadOfSpendingAReceive() {
    Request request = submitted(300);
    runner.handle(delivery(request));
    clock.advance(CHECK_EVERY);
    scheduler.queueDue();
    workflow.unreachable = true;

    checks.handle(check(1));

    assertEquals(ActionStatus.WAITING, action(request).state());
    assertEquals(clock.instant().plus(CHECK_EVERY), action(request).nextCheckAt());
    assertEquals(RequestStatus.IN_PROGRESS, request.status());
  }

  /** The scheduler's port: waiting actions of in-progress requests whose check is due. */
  private List<DueWaits.Due> due(int limit) {
    return known.stream()
        .filter(request -> request.status() == RequestStatus.IN_PROGRESS)
        .flatMap(request -> requests.actionsOf(request.requestId()).stream())
        .filter(action -> action.state() == ActionStatus.WAITING)
        .filter(action -> action.nextCheckAt() != null)
        .filter(action -> !action.nextCheckAt().isAfter(clock.instant()))
        .limit(limit)
        .map(action -> new DueWaits.Due(action, "corr"))
        .toList();
  }

  private Request submitted(int timeoutSeconds) {
    UUID id = UUID.randomUUID();
    Request request =
        new Request(
            id,
            new Request.CatalogRef("item", "github-repository", "1.0.0"),
            new Request.Requester(
                Orchestration.OWNER.subject(),
                Orchestration.OWNER.email(),
                Orchestration.OWNER.name(),
                Orchestration.OWNER.teams()),
            Map.of("name", "orders"),
            "corr-" + id,
            Orchestration.NOW.minusSeconds(60));
    RequestAction action =
        new RequestAction(
            id,
            0,
            new RequestAction.Step(null, "github-repository", "provision", "github-workflow"),
            Map.of(
                "id", "provision",
                "type", "github-workflow",
                "repository", "acme/{{.current.name}}",
                "workflow", "provision.yml",
                "wait", true,
                "timeoutSeconds", timeoutSeconds,
                "outputs", Map.of("runUrl", "$.url", "conclusion", "$.conclusion")),
            List.of());
    action.queue(1);
    requests.add(request, List.of(action));
    outbox.add(
        OutboxMessage.of(new ActionMessage(id, 0, 1, request.correlationId()), clock.instant()));
    known.add(request);
    return request;
  }

  private RequestAction action(Request request) {
    return requests.action(request.requestId(), 0).orElseThrow();
  }

  private long count(String type) {
    return audit.types().stream().filter(type::equals).count();
  }

  private QueueMessage delivery(Request request) {
    ActionMessage message = new ActionMessage(request.id(), 0, 1, request.correlationId());
    return new QueueMessage(
        ActionMessage.TYPE,
        message.toBody(),
        "m-1",
        message.groupId(),
        message.deduplicationId(),
        1,
        clock.instant());
  }

  /** The check message {@code number} of the only request's action, as the queue delivers it. */
  private QueueMessage check(int number) {
    Request request = known.get(0);
    WaitCheckMessage message =
        new WaitCheckMessage(request.id(), 0, 1, number, request.correlationId());
    return new QueueMessage(
        WaitCheckMessage.TYPE,
        message.toBody(),
        "c-" + number,
        message.groupId(),
        message.deduplicationId(),
        1,
        clock.instant());
  }

  /** A workflow run that goes on until the test concludes it. */
  private static final class Workflow extends ActionExecutors {
    final AtomicInteger executions = new AtomicInteger();
    final AtomicInteger looks = new AtomicInteger();
    final List<String> keys = new ArrayList<>();
    boolean concluded;
    boolean unreachable;

    @Override
    public Optional<ActionExecutor> forType(String type) {
      return Optional.of(
          new ActionExecutor() {
            @Override
            public String type() {
              return type;
            }

            @Override
            public ActionResult execute(ActionCall call) {
              executions.incrementAndGet();
              keys.add(call.idempotencyKey());
              return running();
            }

            @Override
            public ActionResult check(ActionCall call, ActionWait wait) {
              looks.incrementAndGet();
              if (unreachable) {
                throw new TransientActionException("No response from api.github.com");
              }
              keys.add(call.idempotencyKey());
              if (!concluded) {
                return running();
              }
              return new ActionResult(
                  Map.of("runId", wait.text("run_id"), "url", RUN_URL, "conclusion", "success"),
                  new ExternalRef(type, null, "901", RUN_URL));
            }
          });
    }

    private static ActionResult running() {
      return ActionResult.waiting(
          ActionWait.of("workflow run " + RUN_URL + " ('in_progress')", Map.of("run_id", "901")),
          new ExternalRef("github-workflow", null, "901", RUN_URL));
    }
  }

  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
