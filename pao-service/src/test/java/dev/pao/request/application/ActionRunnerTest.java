package dev.pao.request.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.CircuitOpenException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.RedeliverLaterException;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The runner on fakes: back-off after transient failures, waiting out open circuits, heartbeat. */
class ActionRunnerTest {
  private final Orchestration core = new Orchestration();
  private final MovingClock clock = new MovingClock(Orchestration.NOW);
  private final List<Duration> pauses = new ArrayList<>();
  private Function<ActionCall, ActionResult> executor;
  private final ActionRunner runner =
      new ActionRunner(
          core.steps,
          new OneExecutor(),
          clock,
          delay -> {
            pauses.add(delay);
            clock.advance(delay);
          },
          new ActionRunner.Settings(
              Duration.ofSeconds(60), Duration.ofSeconds(120), TransientBackoff.DEFAULT));

  @Test
  void aTransientFailureAsksForRedeliveryAfterABackOffThatGrowsWithEachReceive() {
    Request request = core.submitted(1);
    executor =
        call -> {
          throw new TransientActionException("No response from jira.example.com");
        };

    List<Duration> delays = new ArrayList<>();
    for (int receive = 1; receive <= 4; receive++) {
      QueueMessage message = delivery(request, receive);
      delays.add(assertThrows(RedeliverLaterException.class, () -> runner.handle(message)).delay());
    }

    assertEquals(
        List.of(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(90),
            Duration.ofSeconds(270)),
        delays);
    assertEquals(
        "transient",
        core.requests.latestAttempt(request.requestId(), 0, 1).orElseThrow().outcome());
    assertEquals(List.of(), pauses);
  }

  @Test
  void aStepFailingForWantOfTheDatabaseBacksOffLikeATransientFailure() {
    Request request = core.submitted(1);
    RunSteps databaseDown =
        new RunSteps() {
          @Override
          public Optional<Started> begin(ActionMessage message, int delivery) {
            throw new IllegalStateException("Connection refused: the database is unreachable");
          }
        };
    ActionRunner runner =
        new ActionRunner(
            databaseDown,
            new OneExecutor(),
            clock,
            delay -> {},
            new ActionRunner.Settings(
                Duration.ofSeconds(60), Duration.ofSeconds(120), TransientBackoff.DEFAULT));

    List<Duration> delays = new ArrayList<>();
    for (int receive = 1; receive <= 3; receive++) {
      QueueMessage message = delivery(request, receive);
      delays.add(assertThrows(RedeliverLaterException.class, () -> runner.handle(message)).delay());
    }

    assertEquals(
        List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(90)), delays);
  }

  @Test
  void anOpenCircuitIsWaitedOutWithoutSpendingAReceive() {
    Request request = core.submitted(1);
    List<Instant> calls = new ArrayList<>();
    executor =
        call -> {
          calls.add(clock.instant());
          if (calls.size() < 3) {
            throw new CircuitOpenException("jira.example.com", Duration.ofSeconds(20));
          }
          return ActionResult.of(Map.of("id", "JIRA-1"));
        };

    runner.handle(delivery(request, 1));

    assertEquals(List.of(Duration.ofSeconds(20), Duration.ofSeconds(20)), pauses);
    assertEquals(3, calls.size());
    assertEquals(RequestStatus.COMPLETED, core.statusOf(request));
  }

  @Test
  void aCircuitOpenLongerThanTheWaitLeavesTheMessageHiddenUntilItLetsCallsThrough() {
    Request request = core.submitted(1);
    executor =
        call -> {
          throw new CircuitOpenException("jira.example.com", Duration.ofSeconds(300));
        };

    RedeliverLaterException later =
        assertThrows(RedeliverLaterException.class, () -> runner.handle(delivery(request, 1)));

    assertEquals(Duration.ofSeconds(300), later.delay());
    assertEquals(List.of(), pauses);
  }

  @Test
  void theExecutorsHeartbeatRecordsThatTheRequestIsProgressing() {
    Request request = core.submitted(1);
    Instant longAgo = Orchestration.NOW.minusSeconds(3600);
    executor =
        call -> {
          request.advanceTo(0, longAgo);
          call.heartbeat().beat();
          assertEquals(longAgo, request.lastProgressAt(), "at most once per interval");
          clock.advance(Duration.ofSeconds(61));
          call.heartbeat().beat();
          assertEquals(Orchestration.NOW, request.lastProgressAt());
          return ActionResult.of(Map.of("id", "R-0"));
        };

    runner.handle(delivery(request, 1));

    assertEquals(RequestStatus.COMPLETED, core.statusOf(request));
  }

  private QueueMessage delivery(Request request, int receive) {
    ActionMessage message = core.messageFor(request, 0);
    return new QueueMessage(
        ActionMessage.TYPE,
        message.toBody(),
        "m-" + receive,
        message.groupId(),
        message.deduplicationId(),
        receive,
        Orchestration.NOW);
  }

  /** Every action type is the test's executor. */
  private final class OneExecutor extends ActionExecutors {
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
              return executor.apply(call);
            }
          });
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
