package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.ActionWait;
import dev.pao.action.spi.CircuitOpenException;
import dev.pao.action.spi.TransientActionException;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import dev.pao.queue.domain.WaitCheckMessage;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one check per {@code action_check} message (queued by {@link WaitCheckScheduler} when a
 * waiting action is due): one look by the executor ({@link ActionExecutor#check}), no sleeping. A
 * finished run completes or fails the action as if it had never waited ({@link RunSteps}); one
 * still going waits again; past the action's time budget the action fails, timed out waiting. A
 * check that gets no answer (the external system is unreachable) waits again too rather than
 * spending one of the message's receives: a status read is safe to repeat, and the deadline still
 * bounds the wait.
 */
@ApplicationScoped
public class WaitCheckRunner implements QueueMessageHandler {
  private static final Logger LOG = Logger.getLogger(WaitCheckRunner.class.getName());
  private static final Duration AT_LEAST = Duration.ofSeconds(1);

  @Inject WaitSteps waits;
  @Inject RunSteps steps;
  @Inject ActionExecutors executors;

  protected WaitCheckRunner() {}

  WaitCheckRunner(WaitSteps waits, RunSteps steps, ActionExecutors executors) {
    this.waits = waits;
    this.steps = steps;
    this.executors = executors;
  }

  @Override
  public String type() {
    return WaitCheckMessage.TYPE;
  }

  @Override
  public void handle(QueueMessage message) {
    WaitCheckMessage check = WaitCheckMessage.from(message);
    String correlationId =
        check.correlationId() == null ? check.requestId().toString() : check.correlationId();
    Correlation.Scope scope = Correlation.open(correlationId);
    try {
      run(check);
    } finally {
      scope.close();
    }
  }

  private void run(WaitCheckMessage message) {
    Optional<WaitSteps.Check> begun = waits.beginCheck(message);
    if (begun.isEmpty()) {
      return;
    }
    WaitSteps.Check check = begun.get();
    ActionMessage attempt = message.attemptMessage();
    if (check.timedOut() != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("timed_out_waiting", true);
      details.put("waiting_for", check.awaiting().waitingFor());
      steps.fail(attempt, new ActionFailedException(check.timedOut(), details));
      return;
    }
    ActionExecutor executor = executors.forType(check.type()).orElse(null);
    if (executor == null) {
      steps.fail(
          attempt, new ActionFailedException("No executor for action type '" + check.type() + "'"));
      return;
    }
    ActionResult result;
    try {
      result = executor.check(check.call(), check.awaiting());
    } catch (ActionFailedException e) {
      steps.fail(attempt, e);
      return;
    } catch (CircuitOpenException e) {
      Duration after = e.retryAfter().compareTo(AT_LEAST) < 0 ? AT_LEAST : e.retryAfter();
      lookAgainLater(message, check.awaiting(), after, e.getMessage());
      return;
    } catch (TransientActionException e) {
      lookAgainLater(
          message, check.awaiting(), null, steps.transientProblem(attempt, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      steps.transientProblem(attempt, "unexpected error: " + e.getClass().getSimpleName());
      throw e;
    }
    if (result.waiting()) {
      waits.waitAgain(message, result.awaiting());
    } else {
      steps.succeed(attempt, result);
    }
  }

  private void lookAgainLater(
      WaitCheckMessage message, ActionWait wait, Duration after, String problem) {
    LOG.warning(
        () ->
            "Action "
                + message.actionIndex()
                + " of request "
                + message.requestId()
                + " could not look at "
                + wait.waitingFor()
                + "; it keeps waiting: "
                + problem);
    waits.waitAgain(message, new ActionWait(wait.waitingFor(), wait.state(), after));
  }
}
