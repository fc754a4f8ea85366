package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.action.spi.ActionExecutor;
import dev.pao.action.spi.ActionFailedException;
import dev.pao.action.spi.ActionResult;
import dev.pao.action.spi.TransientActionException;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.QueueMessage;
import dev.pao.queue.domain.QueueMessageHandler;
import dev.pao.shared.correlation.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one action per {@code action} message: (1) in a transaction, ignore the message if its
 * action already finished, otherwise mark it in progress and render it; (2) outside any
 * transaction, call the executor with the attempt's idempotency key; (3) in a transaction, record
 * the outcome and either queue the next action (outbox) or finish the request. A failure of the
 * action's own is recorded and the message acknowledged; a transient one leaves the message for
 * redelivery (after 3 receives it goes to the DLQ and the request is marked stuck).
 */
@ApplicationScoped
public class ActionRunner implements QueueMessageHandler {
  private static final Logger LOG = Logger.getLogger(ActionRunner.class.getName());

  @Inject RunSteps steps;
  @Inject ActionExecutors executors;

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
    ActionResult result;
    try {
      result = executor.execute(work.call());
    } catch (ActionFailedException e) {
      steps.fail(message, e);
      return;
    } catch (TransientActionException e) {
      String problem = steps.transientProblem(message, e.getMessage());
      LOG.warning(
          () ->
              "Action "
                  + message.actionIndex()
                  + " of request "
                  + message.requestId()
                  + " did not get an answer; the message will be redelivered: "
                  + problem);
      // Rethrown with the masked text: the queue logs the message of what the handler threw.
      throw new TransientActionException(problem, e.getCause());
    } catch (RuntimeException e) {
      steps.transientProblem(message, "unexpected error: " + e.getClass().getSimpleName());
      throw e;
    }
    steps.succeed(message, result);
  }
}
