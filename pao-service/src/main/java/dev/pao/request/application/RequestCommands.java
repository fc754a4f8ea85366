package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.OutboxMessage;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.IllegalTransitionException;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestStatus;
import dev.pao.request.infra.DeadLetterQueue;
import dev.pao.request.infra.RequestStore;
import dev.pao.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What a person decides about a failed or stuck request: retry from the failed action (completed
 * actions are kept, the failed attempt's outputs dropped), abort (its DLQ messages are removed), or
 * escalate to support with a reason. Anything else is refused as {@code INVALID_STATE}.
 */
@ApplicationScoped
public class RequestCommands {
  private static final Logger LOG = Logger.getLogger(RequestCommands.class.getName());

  @Inject RequestStore store;
  @Inject RequestTransitions transitions;
  @Inject RequestAccess access;
  @Inject ActionExecutors executors;
  @Inject DeadLetterQueue deadLetters;
  @Inject OutboxRelay relay;
  @Inject RequestCommands self;

  private final Clock clock = Clock.systemUTC();

  /** What a retry would run again (the dry-run answer). */
  public record RetryPlan(
      String requestId, String status, List<Map<String, Object>> willRun, List<Integer> kept) {}

  public RetryPlan previewRetry(UUID id, CurrentUser user) {
    Request request = access.visible(id, user);
    requireDecisionState(request, RequestStatus.RETRYING);
    return plan(request, store.currentActions(id));
  }

  /** Re-queues from the failed action; refusals are decided before any transaction opens. */
  public RetryPlan retry(UUID id, CurrentUser user, String reason) {
    requireDecisionState(access.visible(id, user), RequestStatus.RETRYING);
    return self.retryNow(id, user, reason);
  }

  @Transactional
  public RetryPlan retryNow(UUID id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    requireDecisionState(request, RequestStatus.RETRYING);
    List<RequestAction> actions = store.actions(id);
    RetryPlan plan = plan(request, actions);
    RequestAction first = actions.get(firstUnfinished(actions));
    Map<String, Object> kept = new LinkedHashMap<>();
    for (RequestAction action : actions) {
      if (action.index() < first.index()) {
        kept.putAll(action.outputs());
      } else {
        action.resetForRetry();
      }
    }
    Instant now = clock.instant();
    request.resetOutputs(kept);
    transitions.move(
        request,
        RequestStatus.RETRYING,
        AuditEvent.Actor.user(user.email()),
        reason == null || reason.isBlank() ? "retry requested" : reason,
        Map.of("from_action", first.index()));
    int attempt = first.attempt() + 1;
    first.queue(attempt);
    store.add(
        new OutboxMessage(
            id,
            first.index(),
            attempt,
            new ActionMessage(id, first.index(), attempt, request.correlationId()).toBody(),
            now));
    request.advanceTo(first.index(), now);
    relay.nudge();
    return plan;
  }

  public void abort(UUID id, CurrentUser user, String reason) {
    requireDecisionState(access.visible(id, user), RequestStatus.ABORTED);
    self.abortNow(id, user, reason);
  }

  @Transactional
  public void abortNow(UUID id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    requireDecisionState(request, RequestStatus.ABORTED);
    transitions.move(
        request,
        RequestStatus.ABORTED,
        AuditEvent.Actor.user(user.email()),
        reason == null || reason.isBlank() ? "aborted" : reason);
    try {
      int removed = deadLetters.remove(id);
      if (removed > 0) {
        transitions.note(
            request,
            "request.dlq_removed",
            AuditEvent.Actor.user(user.email()),
            Map.of("messages", removed));
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "Could not remove the DLQ messages of aborted request " + id + ": " + e.getMessage());
    }
  }

  public void escalate(UUID id, CurrentUser user, String reason) {
    requireDecisionState(access.visible(id, user), RequestStatus.ESCALATED);
    self.escalateNow(id, user, reason);
  }

  @Transactional
  public void escalateNow(UUID id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    requireDecisionState(request, RequestStatus.ESCALATED);
    transitions.move(
        request,
        RequestStatus.ESCALATED,
        AuditEvent.Actor.user(user.email()),
        reason == null || reason.isBlank() ? "escalated to support" : reason,
        Map.of("escalated_by", user.email()));
  }

  private static void requireDecisionState(Request request, RequestStatus next) {
    if (!request.status().canTransitionTo(next)) {
      throw new IllegalTransitionException(request.id(), request.status(), next);
    }
  }

  private RetryPlan plan(Request request, List<RequestAction> actions) {
    int from = firstUnfinished(actions);
    List<Map<String, Object>> willRun = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (RequestAction action : actions) {
      if (action.index() < from) {
        kept.add(action.index());
        continue;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", action.index());
      entry.put("component", action.step().component());
      entry.put("action_id", action.step().actionId());
      entry.put("type", action.step().type());
      entry.put(
          "external_side_effects",
          executors
              .forType(action.step().type())
              .map(e -> e.hasExternalSideEffects())
              .orElse(true));
      willRun.add(entry);
    }
    return new RetryPlan(request.id().toString(), request.status().wireName(), willRun, kept);
  }

  private static int firstUnfinished(List<RequestAction> actions) {
    for (RequestAction action : actions) {
      if (action.state() != ActionStatus.COMPLETED) {
        return action.index();
      }
    }
    return actions.size() - 1;
  }
}
