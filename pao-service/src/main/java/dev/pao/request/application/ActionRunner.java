package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionCall;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.CircuitOpenException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import dev.pao.queue.domain.RedeliverLaterException;
import dev.pao.shared.correlation.Correlation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs one action per {@code action} message: (1) in a transaction, ignore the message if its
 * action already finished, otherwise mark it in progress and render it; (2) outside any
 * transaction, call the executor with the attempt's idempotency key and a heartbeat that keeps the
 * request counting as progressing; (3) in a transaction, record the outcome and either queue the
 * next action (outbox) or finish the request. A failure of the action's own is recorded and the
 * message acknowledged. A transient one leaves the message for redelivery after a back-off that
 * grows with each receive ({@link TransientBackoff}); after the queue's {@code maxReceiveCount}
 * receives it goes to the DLQ and the request is marked stuck. An open circuit breaker sent
 * nothing: the runner waits for it (up to {@code pao.actions.circuit-wait-seconds}) instead of
 * spending a receive. An executor that started something long outside answers waiting instead of
 * sleeping: the action is recorded as waiting and the message acknowledged ({@link WaitSteps},
 * {@link WaitCheckRunner}).
 */
@ApplicationScoped
public class ActionRunner implements QueueMessageHandler {
  private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());
  private static final Duration AT_LEAST = Duration.ofSeconds(1);

  @Inject RunSteps steps;
  @Inject ActionExecutors executors;
  @Inject WaitSteps waits;

  @Inject
  @ConfigProperty(name = "pao.requests.progress-every-seconds", defaultValue = "60")
  long progressEverySeconds;

  @Inject
  @ConfigProperty(name = "pao.actions.circuit-wait-seconds", defaultValue = "120")
  long circuitWaitSeconds;

  @Inject
  @ConfigProperty(name = "pao.queue.backoff.first-seconds", defaultValue = "10")
  long backoffFirstSeconds;

  @Inject
  @ConfigProperty(name = "pao.queue.backoff.factor", defaultValue = "3")
  int backoffFactor;

  @Inject
  @ConfigProperty(name = "pao.queue.backoff.max-seconds", defaultValue = "900")
  long backoffMaxSeconds;

  private Clock clock = Clock.systemUTC();
  private Pause pause = ActionRunner::sleep;
  private Settings settings;

  /** How the runner waits for an open circuit breaker. */
  @FunctionalInterface
  interface Pause {
    void await(Duration delay) throws InterruptedException;
  }

  /** The runner's timings: progress recording, the circuit wait, the transient back-off. */
  record Settings(Duration progressEvery, Duration circuitWait, TransientBackoff backoff) {}

  protected ActionRunner() {}

  ActionRunner(
      RunSteps steps, ActionExecutors executors, Clock clock, Pause pause, Settings settings) {
    this(steps, null, executors, clock, pause, settings);
  }

  /** A runner whose actions may wait (they answer waiting instead of sleeping). */
  ActionRunner(
      RunSteps steps,
      WaitSteps waits,
      ActionExecutors executors,
      Clock clock,
      Pause pause,
      Settings settings) {
    this.steps = steps;
    this.waits = waits;
    this.executors = executors;
    this.clock = clock;
    this.pause = pause;
    this.settings = settings;
  }

  @PostConstruct
  void configure() {
    settings =
        new Settings(
            Duration.ofSeconds(progressEverySeconds),
            Duration.ofSeconds(circuitWaitSeconds),
            new TransientBackoff(
                Duration.ofSeconds(backoffFirstSeconds),
                backoffFactor,
                Duration.ofSeconds(backoffMaxSeconds)));
  }

  @Override
  public String type() {
    return ActionMessage.TYPE;
  }

  @Override
  public void handle(QueueMessage message) {
    ActionMessage action = ActionMessage.from(message);
    String correlationId =
        action.correlationId() == null ? action.requestId().toString() : action.correlationId();
    Correlation.Scope scope = Correlation.open(correlationId);
    try {
      run(action, message.deliveryCount());
    } catch (RedeliverLaterException e) {
      throw e;
    } catch (RuntimeException e) {
      // The database (or the transaction around a step) failed, so whether the step happened is
      // unknown: back off as after any transient problem, so that an outage is ridden out rather
      // than every receive being spent within seconds and the request dead-lettered.
      throw redeliverLater(
          action,
          new TransientActionException("unexpected error: " + e.getMessage(), e),
          settings.backoff().after(message.deliveryCount()));
    } finally {
      scope.close();
    }
  }

  private void run(ActionMessage message, int delivery) {
    Optional<RunSteps.Started> started = steps.begin(message, delivery);
    if (started.isEmpty()) {
      return;
    }
    RunSteps.Started work = started.get();
    if (work.renderingProblem() != null) {
      steps.fail(message, new ActionFailedException(work.renderingProblem()));
      return;
    }
    ActionExecutor executor = executors.forType(work.type()).orElse(null);
    if (executor == null) {
      steps.fail(
          message, new ActionFailedException("No executor for action type '" + work.type() + "'"));
      return;
    }
    ActionCall call =
        work.call()
            .withHeartbeat(
                new ProgressHeartbeat(
                    () -> steps.progress(message), clock, settings.progressEvery()));
    ActionResult result;
    try {
      result = executeOnceTheCircuitLetsThrough(executor, call);
    } catch (ActionFailedException e) {
      steps.fail(message, e);
      return;
    } catch (CircuitOpenException e) {
      // Nothing was sent: come back when the breaker lets a trial call through.
      steps.transientProblem(message, e.getMessage());
      throw redeliverLater(message, e, atLeastASecond(e.retryAfter()));
    } catch (TransientActionException e) {
      String problem = steps.transientProblem(message, e.getMessage());
      // Rethrown with the masked text: the queue logs the message of what the handler threw.
      throw redeliverLater(
          message,
          new TransientActionException(problem, e.getCause()),
          settings.backoff().after(delivery));
    } catch (RuntimeException e) {
      steps.transientProblem(message, "unexpected error: " + e.getClass().getSimpleName());
      throw e;
    }
    if (result.waiting()) {
      // Started something long outside: the wait becomes state, and this worker is free.
      waits.startWaiting(message, result);
      return;
    }
    steps.succeed(message, result);
  }

  /**
   * Runs the executor; while the host's circuit breaker refuses calls (nothing was sent), waits for
   * it to let a trial call through, as long as that fits in the circuit wait and the action's time
   * budget. Waiting here keeps the message's receives for real attempts.
   */
  private ActionResult executeOnceTheCircuitLetsThrough(ActionExecutor executor, ActionCall call) {
    Instant waitUntil = clock.instant().plus(settings.circuitWait());
    while (true) {
      try {
        return executor.execute(call);
      } catch (CircuitOpenException open) {
        Duration wait = atLeastASecond(open.retryAfter());
        Instant retryAt = clock.instant().plus(wait);
        if (retryAt.isAfter(waitUntil) || retryAt.isAfter(call.deadline())) {
          throw open;
        }
        try {
          pause.await(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw open;
        }
      }
    }
  }

  private static RedeliverLaterException redeliverLater(
      ActionMessage message, TransientActionException e, Duration delay) {
    LOG.warning(
        () ->
            "Action "
                + message.actionIndex()
                + " of request "
                + message.requestId()
                + " did not get an answer; the message will be redelivered in "
                + delay.toSeconds()
                + " s: "
                + e.getMessage());
    return new RedeliverLaterException(e.getMessage(), delay, e);
  }

  private static Duration atLeastASecond(Duration delay) {
    return delay.compareTo(AT_LEAST) < 0 ? AT_LEAST : delay;
  }

  private static void sleep(Duration delay) throws InterruptedException {
    Thread.sleep(delay.toMillis());
  }
}
