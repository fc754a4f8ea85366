package dev.pao.request.application;

import dev.pao.action.ActionExecutors;
import dev.pao.audit.domain.AuditEvent;
import dev.pao.queue.domain.ActionMessage;
import dev.pao.queue.domain.DeadLetters;
import dev.pao.queue.outbox.OutboxWriter;
import dev.pao.request.domain.ActionStatus;
import dev.pao.request.domain.Request;
import dev.pao.request.domain.RequestAction;
import dev.pao.request.domain.RequestId;
import dev.pao.request.domain.RequestReads;
import dev.pao.request.domain.RequestRepository;
import dev.pao.request.domain.RequestStatus;
import dev.pao.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What a person decides about a failed or stuck request: retry from the failed action (completed
 * actions are kept, the failed attempt's outputs dropped; after an unknown outcome the new attempt
 * keeps the idempotency key of the attempt whose outcome is unknown), abort, or escalate to support
 * with a reason; abort also applies to a request in progress while its action waits (the wait is
 * dropped). Retry and abort remove the request's DLQ messages. Anything else is refused as an
 * illegal transition, before any transaction opens and again under the row lock.
 */
@ApplicationScoped
public class RequestCommands {
  private static final Logger LOG = Logger.getLogger(RequestCommands.class.getName());

  @Inject RequestRepository repository;
  @Inject RequestReads reads;
  @Inject RequestTransitions transitions;
  @Inject RequestAccess access;
  @Inject ActionExecutors executors;
  @Inject DeadLetters deadLetters;
  @Inject OutboxWriter outbox;
  @Inject RequestCommands self;

  protected RequestCommands() {}

  RequestCommands(
      RequestRepository repository,
      RequestReads reads,
      RequestTransitions transitions,
      ActionExecutors executors,
      DeadLetters deadLetters,
      OutboxWriter outbox) {
    this.repository = repository;
    this.reads = reads;
    this.transitions = transitions;
    this.access = new RequestAccess(reads, repository);
    this.executors = executors;
    this.deadLetters = deadLetters;
    this.outbox = outbox;
    this.self = this;
  }

  /** What a retry would run again (the dry-run answer). */
  public record RetryPlan(
      RequestId requestId, RequestStatus status, List<Rerun> willRun, List<Integer> kept) {}

  /** An action a retry runs again, and whether running it reaches outside PAO. */
  public record Rerun(RequestAction action, boolean externalSideEffects) {}

  public RetryPlan previewRetry(RequestId id, CurrentUser user) {
    Request request = access.visible(id, user);
    request.ensureCanBecome(RequestStatus.RETRYING);
    return plan(request, reads.actionsOf(id));
  }

  /** Re-queues from the failed action; refusals are decided before any transaction opens. */
  public RetryPlan retry(RequestId id, CurrentUser user, String reason) {
    access.visible(id, user).ensureCanBecome(RequestStatus.RETRYING);
    return self.retryNow(id, user, reason);
  }

  @Transactional
  public RetryPlan retryNow(RequestId id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    request.ensureCanBecome(RequestStatus.RETRYING);
    List<RequestAction> actions = repository.actionsOf(id);
    RetryPlan plan = plan(request, actions);
    RequestAction first = actions.get(firstUnfinished(actions));
    Map<String, Object> kept = new LinkedHashMap<>();
    int attempt = first.attempt() + 1;
    for (RequestAction action : actions) {
      if (action.index() < first.index()) {
        kept.putAll(action.outputs());
      } else if (action == first) {
        first.retryAs(attempt);
      } else {
        action.resetForRetry();
      }
    }
    Instant now = transitions.now();
    AuditEvent.Actor actor = AuditEvent.Actor.user(user.email());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("from_action", first.index());
    if (first.keyAttempt() != attempt) {
      payload.put("idempotency_key_of_attempt", first.keyAttempt());
    }
    transitions.record(
        request, request.retry(kept, reasonOr(reason, "retry requested"), now), actor, payload);
    outbox.enqueue(new ActionMessage(id.value(), first.index(), attempt, request.correlationId()));
    request.advanceTo(first.index(), now);
    removeDeadLetters(request, actor, "retried");
    return plan;
  }

  public void abort(RequestId id, CurrentUser user, String reason) {
    access.visible(id, user).ensureCanBecome(RequestStatus.ABORTED);
    self.abortNow(id, user, reason);
  }

  @Transactional
  public void abortNow(RequestId id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    AuditEvent.Actor actor = AuditEvent.Actor.user(user.email());
    Instant now = transitions.now();
    RequestAction waiting =
        repository.actionsOf(id).stream()
            .filter(action -> action.state() == ActionStatus.WAITING)
            .findFirst()
            .orElse(null);
    String why = reasonOr(reason, "aborted");
    if (waiting == null) {
      transitions.record(request, request.abort(why, now), actor);
    } else {
      // No worker runs a waiting action: the wait is dropped (its run is left to go on outside).
      Object waitedFor = waiting.waitState().get("waiting_for");
      transitions.record(
          request,
          request.abort(why, now, true),
          actor,
          Map.of("action_index", waiting.index(), "dropped_wait", String.valueOf(waitedFor)));
      waiting.dropWait(
          Map.of(
              "message",
              "The request was aborted while the action waited for "
                  + waitedFor
                  + "; that was left to go on outside"),
          now);
    }
    removeDeadLetters(request, actor, "aborted");
  }

  /**
   * Deletes the request's letters from the dead-letter queue: they belong to an attempt a person
   * has now dealt with. One the DLQ does not hand out right now is left, and the watchdog ignores
   * it: it is older than the request's current attempt.
   */
  private void removeDeadLetters(Request request, AuditEvent.Actor actor, String decided) {
    try {
      int removed = deadLetters.removeGroup(request.id().toString());
      if (removed > 0) {
        transitions.note(request, "request.dlq_removed", actor, Map.of("messages", removed));
      }
    } catch (RuntimeException e) {
      LOG.warning(
          "Could not remove the DLQ messages of "
              + decided
              + " request "
              + request.id()
              + ": "
              + e.getMessage());
    }
  }

  public void escalate(RequestId id, CurrentUser user, String reason) {
    access.visible(id, user).ensureCanBecome(RequestStatus.ESCALATED);
    self.escalateNow(id, user, reason);
  }

  @Transactional
  public void escalateNow(RequestId id, CurrentUser user, String reason) {
    Request request = access.visibleForUpdate(id, user);
    transitions.record(
        request,
        request.escalate(reasonOr(reason, "escalated to support"), transitions.now()),
        AuditEvent.Actor.user(user.email()),
        Map.of("escalated_by", user.email()));
  }

  private RetryPlan plan(Request request, List<RequestAction> actions) {
    int from = firstUnfinished(actions);
    List<Rerun> willRun = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (RequestAction action : actions) {
      if (action.index() < from) {
        kept.add(action.index());
        continue;
      }
      willRun.add(
          new Rerun(
              action,
              executors
                  .forType(action.step().type())
                  .map(e -> e.hasExternalSideEffects())
                  .orElse(true)));
    }
    return new RetryPlan(request.requestId(), request.status(), willRun, kept);
  }

  private static String reasonOr(String given, String fallback) {
    return given == null || given.isBlank() ? fallback : given;
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
