package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.request.domain.IdleRequests;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watchdog and the relay's send listener on fakes. */
class StuckWatchdogTest {
  private final Orchestration core = new Orchestration();
  private final FakeIdle idle = new FakeIdle();
  private final StuckWatchdog watchdog =
      new StuckWatchdog(core.requests, idle, core.transitions, core.deadLetters, 900);

  @Test
  void marksIdleAndDeadLetteredRequestsStuck() {
    Request idleOne = core.submitted(1);
    Request deadLettered = core.submitted(1);
    core.steps.begin(core.messageFor(deadLettered, 0), 3);
    Request healthy = core.submitted(1);
    idle.ids.add(idleOne.requestId());
    core.deadLetters.add(deadLettered.id().toString());
    core.deadLetters.add("not-a-request");

    watchdog.sweepSafely();

    assertEquals(RequestStatus.STUCK, core.statusOf(idleOne));
    assertEquals(
        "no progress for 900 s", core.requests.find(idleOne.requestId()).get().statusReason());
    assertEquals(RequestStatus.STUCK, core.statusOf(deadLettered));
    assertEquals(RequestStatus.SUBMITTED, core.statusOf(healthy));
    assertEquals(Duration.ofSeconds(900), idle.askedFor);
  }

  @Test
  void aLostSweepMarksNothingAndFinishedRequestsStayAsTheyAre() {
    Request failed = core.failedAt(1, 0);
    idle.ids.add(failed.requestId());
    core.deadLetters.add(failed.id().toString());
    assertEquals(0, watchdog.sweep(core.deadLetters.browse(10)));
    assertEquals(RequestStatus.FAILED, core.statusOf(failed));

    Request idleOne = core.submitted(1);
    idle.ids.add(idleOne.requestId());
    idle.won = false;
    assertEquals(0, watchdog.sweep(List.of()));
    assertEquals(RequestStatus.SUBMITTED, core.statusOf(idleOne));
  }

  @Test
  void aSentMessageMarksItsSubmittedRequestQueued() {
    Request request = core.submitted(1);
    OutboxMessage row = core.writer.enqueue(core.messageFor(request, 0));

    new MarkQueuedOnSend(core.requests, core.transitions).sent(row);

    assertEquals(RequestStatus.QUEUED, core.statusOf(request));
    assertEquals(List.of(request.requestId()), core.requests.locked());
    assertEquals("request.queued", core.audit.types().get(0));
  }

  @Test
  void theRelayDoesNotWaitForARequestAnotherWriterHoldsTheRunnerMarksItQueued() {
    Request request = core.submitted(1);
    OutboxMessage row = core.writer.enqueue(core.messageFor(request, 0));
    core.requests.holdElsewhere(request.requestId());

    new MarkQueuedOnSend(core.requests, core.transitions).sent(row);

    assertEquals(RequestStatus.SUBMITTED, core.statusOf(request));
    core.steps.begin(core.messageFor(request, 0), 1);
    assertEquals(RequestStatus.IN_PROGRESS, core.statusOf(request));
    assertEquals(
        List.of("request.queued", "request.in_progress"),
        core.audit.types().stream().filter(type -> type.startsWith("request.")).toList());
  }

  @Test
  void aDeadLetterOfAnOlderAttemptDoesNotStopTheRetriedRequest() {
    Request request = core.stuck();
    // The retry's removal missed this letter (another scan held it at that moment).
    core.deadLetters.add(request.id().toString(), letterOf(request, 0, 1));
    core.commands.retryNow(request.requestId(), Orchestration.OWNER, null);
    core.deadLetters.add(request.id().toString(), letterOf(request, 0, 1));

    assertEquals(0, watchdog.sweep(core.deadLetters.browse(10)));
    assertEquals(RequestStatus.RETRYING, core.statusOf(request));
  }

  @Test
  void aDeadLetterOfTheCurrentAttemptMarksTheRequestStuck() {
    Request request = core.stuck();
    core.commands.retryNow(request.requestId(), Orchestration.OWNER, null);
    core.steps.begin(core.messageFor(request, 0), 1);
    core.deadLetters.add(request.id().toString(), letterOf(request, 0, 1));
    core.deadLetters.add(request.id().toString(), letterOf(request, 0, 2));

    assertEquals(1, watchdog.sweep(core.deadLetters.browse(10)));
    assertEquals(RequestStatus.STUCK, core.statusOf(request));
  }

  private static Map<String, Object> letterOf(Request request, int index, int attempt) {
    return new ActionMessage(request.id(), index, attempt, request.correlationId()).toBody();
  }

  private static final class FakeIdle implements IdleRequests {
    final List<RequestId> ids = new ArrayList<>();
    boolean won = true;
    Duration askedFor;

    @Override
    public boolean claimSweep() {
      return won;
    }

    @Override
    public List<RequestId> lockIdle(Duration idleFor, int limit) {
      askedFor = idleFor;
      return List.copyOf(ids);
    }
  }
}
